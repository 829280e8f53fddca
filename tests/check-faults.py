#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The real huibian-cli on a faulty disk and under kill -9 (TAP).

Faults come from an LD_PRELOAD shim (hui-fault-shim.c: writes to files
in one folder fail with ENOSPC after N succeeded) and from strace's
syscall injection (fsync, linkat, rename fail). Whatever fails, the
target is the old file byte for byte, a new path gets no file, no
temporary file is left in the folder, and the message names the file
and the reason. Killed at random moments while saving, the target is
always the old or the new complete version.
"""

import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time

CLI = os.environ["HUI_CLI"]
GENERATE = os.environ["HUI_GENERATE"]
SHIM = os.environ["HUI_FAULT_SHIM"]
SAVE_DRAFT = os.environ["HUI_SAVE_DRAFT"]

results = []


def check(ok, name, detail=""):
    results.append(ok)
    print(f"{'ok' if ok else 'not ok'} {len(results)} - {name}")
    if not ok and detail:
        for line in str(detail).splitlines():
            print(f"# {line}")
    sys.stdout.flush()


def run(args, env=None, timeout=120, prefix=()):
    full_env = dict(os.environ, **(env or {}))
    return subprocess.run(list(prefix) + args, env=full_env, capture_output=True,
                          text=True, timeout=timeout)


def temporaries(folder):
    """Files a save could leave behind: ours, GLib's, anything hidden."""
    found = []
    for root, _dirs, files in os.walk(folder):
        found += [os.path.join(root, f) for f in files
                  if f.startswith(".") or "goutputstream" in f or "huibian-tmp" in f]
    return found


def read(path):
    with open(path, "rb") as f:
        return f.read()


class Folder:
    """A folder of outputs on the faulty disk, with one old file per kind."""

    def __init__(self, top, name):
        self.path = os.path.join(top, name)
        os.makedirs(self.path)


def fault_env(folder, after):
    return {"LD_PRELOAD": SHIM, "HUI_FAULT_DIR": folder, "HUI_FAULT_WRITE_AFTER": str(after)}


def expect_failure(name, proc, target, old, reason):
    """A failed write: exit 2, the message, the old file, nothing else."""
    folder = os.path.dirname(target)
    check(proc.returncode == 2, f"{name}: exit status 2", f"status {proc.returncode}: {proc.stderr}")
    shown = os.path.basename(target) in proc.stderr and reason in proc.stderr
    check(shown, f"{name}: the message names the file and the reason", proc.stderr)
    if old is None:
        check(not os.path.exists(target), f"{name}: no file at the new path")
    else:
        check(os.path.exists(target) and read(target) == old, f"{name}: the old file is byte-identical")
    left = temporaries(folder)
    check(not left, f"{name}: no temporary file left", left)


def commands(inputs, out):
    """What writes a file, by name: (arguments, target)."""
    return {
        "import -o": (["import", "-o", os.path.join(out, "p.huibian"), inputs["project"]],
                      os.path.join(out, "p.huibian")),
        "export pdf": (["export", "--format", "pdf", "-o", os.path.join(out, "b.pdf"), inputs["project"]],
                       os.path.join(out, "b.pdf")),
        "export odt": (["export", "--format", "odt", "-o", os.path.join(out, "b.odt"), inputs["project"]],
                       os.path.join(out, "b.odt")),
        "export docbook": (["export", "--format", "docbook", "-o", os.path.join(out, "b.xml"),
                            inputs["project"]], os.path.join(out, "b.xml")),
    }


def test_disk_full(top, inputs):
    for after in (0, 1, 3, 20):
        for existing in (True, False):
            out = os.path.join(top, f"full-{after}-{'over' if existing else 'new'}")
            os.makedirs(out)
            for name, (args, target) in commands(inputs, out).items():
                old = None
                if existing:
                    old = b"the previous version, which must survive\n" * 100
                    with open(target, "wb") as f:
                        f.write(old)
                proc = run([CLI] + args, env=fault_env(out, after))
                label = f"{name} {'over an existing file' if existing else 'to a new path'}, disk full after {after} writes"
                if after > 0 and proc.returncode == 0:
                    # Everything fitted in fewer writes: then it is whole.
                    clean = run([CLI] + args[:-3] + ["-o", target + ".ref", args[-1]])
                    check(clean.returncode == 0 and os.path.getsize(target) == os.path.getsize(target + ".ref"),
                          f"{label}: written whole")
                    os.unlink(target + ".ref")
                    continue
                expect_failure(label, proc, target, old, "the disk is full")


def test_draft_disk_full(top, inputs):
    drafts = os.path.join(top, "drafts")
    os.makedirs(drafts)
    env = {"HUI_DRAFTS_DIR": drafts}
    first = run([SAVE_DRAFT, inputs["small"], "d1"], env=env)
    check(first.returncode == 0, "a draft is saved on a healthy disk", first.stderr)
    draft = os.path.join(drafts, "d1.huibian")
    old = read(draft) if os.path.exists(draft) else b""
    proc = run([SAVE_DRAFT, inputs["project"], "d1"], env=dict(env, **fault_env(drafts, 0)))
    expect_failure("draft save, disk full", proc, draft, old, "the disk is full")
    proc = run([SAVE_DRAFT, inputs["project"], "d2"], env=dict(env, **fault_env(drafts, 0)))
    check(proc.returncode == 2 and not os.path.exists(os.path.join(drafts, "d2.huibian")),
          "new draft, disk full: no draft file", proc.stderr)
    check(not temporaries(drafts), "new draft, disk full: no temporary file left", temporaries(drafts))


def test_strace_faults(top, inputs):
    if shutil.which("strace") is None:
        check(False, "strace is installed (build-aux/huibian-dev installs it)")
        return
    faults = {
        "fsync fails (EIO)": "inject=fsync:error=EIO",
        "linking the temporary file fails (ENOSPC)": "inject=linkat:error=ENOSPC",
        "the rename fails (EIO)": "inject=rename,renameat,renameat2:error=EIO",
        # The message cannot reach stderr then: its writes fail too.
        "every write fails (ENOSPC)": "inject=write:error=ENOSPC",
    }
    for label, spec in faults.items():
        out = os.path.join(top, "strace-" + str(len(results)))
        os.makedirs(out)
        for name, (args, target) in commands(inputs, out).items():
            old = b"old contents\n" * 50
            with open(target, "wb") as f:
                f.write(old)
            proc = run([CLI] + args, prefix=["strace", "-f", "-o", "/dev/null", "-e", spec])
            check(proc.returncode == 2, f"{name}, {label}: exit status 2",
                  f"status {proc.returncode}: {proc.stderr}")
            check(read(target) == old, f"{name}, {label}: the old file is byte-identical")
            check(not temporaries(out), f"{name}, {label}: no temporary file left", temporaries(out))


def test_kill(top, inputs):
    out = os.path.join(top, "kill")
    os.makedirs(out)
    target = os.path.join(out, "big.huibian")
    reference = os.path.join(top, "reference.huibian")
    args = ["import", "-o", target, inputs["large"]]
    start = time.monotonic()
    proc = run([CLI, "import", "-o", reference, inputs["large"]])
    span = time.monotonic() - start
    check(proc.returncode == 0, "the large project saves", proc.stderr)
    new = read(reference)
    old = read(inputs["project"])
    shutil.copy(inputs["project"], target)

    rng = random.Random(9704)
    bad = []
    for i in range(50):
        child = subprocess.Popen([CLI] + args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0, span * 1.2))
        child.send_signal(signal.SIGKILL)
        child.wait()
        now = read(target)
        if now not in (old, new):
            bad.append(f"kill {i}: {len(now)} bytes, neither version")
        if temporaries(out):
            bad.append(f"kill {i}: left {temporaries(out)}")
    check(not bad, "kill -9 at 50 moments of a save: always the old or the new version, no temporary file",
          "\n".join(bad))
    check(read(target) in (old, new), "after the kills the project still reads as one version")


def test_bad_inputs(top, inputs):
    fifo = os.path.join(top, "fifo")
    os.mkfifo(fifo)
    for name, args, status, words in [
            ("show /dev/zero", ["show", "/dev/zero"], 2, ["/dev/zero", "not a regular file"]),
            ("show a FIFO", ["show", fifo], 2, ["fifo", "not a regular file"]),
            ("show a folder", ["show", top], 2, ["folder"]),
            ("--body-size nan", ["import", "--body-size", "nan", "-o", os.path.join(top, "n.huibian"),
                                 inputs["small"]], 1, ["--body-size"]),
            ("--body-size inf", ["export", "--format", "pdf", "--body-size", "inf", "-o",
                                 os.path.join(top, "n.pdf"), inputs["small"]], 1, ["--body-size"]),
            ("--lines-per-page -5", ["import", "--lines-per-page", "-5", "-o", os.path.join(top, "n.huibian"),
                                     inputs["small"]], 1, ["--lines-per-page"]),
            ("--chars-per-line 0", ["import", "--chars-per-line", "0", "-o", os.path.join(top, "n.huibian"),
                                    inputs["small"]], 1, ["--chars-per-line"])]:
        try:
            proc = run([CLI] + args, timeout=10)
        except subprocess.TimeoutExpired:
            check(False, f"{name}: returns (it hung)")
            continue
        check(proc.returncode == status and all(w in proc.stderr for w in words),
              f"{name}: exit status {status}, the message names {words}",
              f"status {proc.returncode}: {proc.stderr}")
    check(not os.path.exists(os.path.join(top, "n.huibian")) and not os.path.exists(os.path.join(top, "n.pdf")),
          "bad options write nothing")


def test_output_is_input(top, inputs):
    folder = os.path.join(top, "same")
    os.makedirs(folder)
    project = os.path.join(folder, "p.huibian")
    text = os.path.join(folder, "r.txt")
    link = os.path.join(folder, "link.huibian")
    shutil.copy(inputs["small"], project)
    with open(text, "w", encoding="utf-8") as f:
        f.write("关于测试的报告\n\n测试单位\n\n一、情况\n这是正文。\n")
    os.symlink("p.huibian", link)
    before = {p: read(p) for p in (project, text)}
    cases = [
        ("export -o P.huibian P.huibian", ["export", "--format", "pdf", "-o", project, project]),
        ("export docbook over its input", ["export", "--format", "docbook", "-o", project, project]),
        ("import -o r.txt r.txt", ["import", "-o", text, text]),
        ("import -o through a link to the input", ["import", "-o", link, project]),
        ("import -o the input among others", ["import", "-o", project, text, project]),
        ("the input by another path", ["import", "-o", os.path.join(folder, "..", "same", "p.huibian"), project]),
    ]
    for name, args in cases:
        proc = run([CLI] + args, timeout=10)
        check(proc.returncode == 1 and "also an input" in proc.stderr, f"{name}: refused with exit status 1",
              f"status {proc.returncode}: {proc.stderr}")
    check(all(read(p) == b for p, b in before.items()), "output = input: nothing is written")
    check(os.path.islink(link), "output = input: the link is still a link")


def test_symlink_and_mode(top, inputs):
    """Saving through a link replaces what it names; permissions stay."""
    folder = os.path.join(top, "modes")
    os.makedirs(folder)
    real = os.path.join(folder, "real.huibian")
    link = os.path.join(folder, "link.huibian")
    shutil.copy(inputs["small"], real)
    os.chmod(real, 0o640)
    os.symlink("real.huibian", link)
    proc = run([CLI, "import", "-o", link, inputs["project"]])
    check(proc.returncode == 0 and os.path.islink(link) and read(real) == read(link)
          and len(read(real)) > len(read(inputs["small"])),
          "saving through a symbolic link writes the file it names and keeps the link", proc.stderr)
    check(os.stat(real).st_mode & 0o777 == 0o640, "a saved file keeps its permissions",
          oct(os.stat(real).st_mode))


def main():
    top = tempfile.mkdtemp(prefix="hui-faults-")
    try:
        inputs = {name: os.path.join(top, name + ".huibian") for name in ("small", "project", "large")}
        for name, n in (("small", 1), ("project", 12), ("large", 600)):
            subprocess.run([GENERATE, "-n", str(n), "-o", inputs[name]], check=True)
        for test in (test_output_is_input, test_bad_inputs, test_symlink_and_mode,
                     test_disk_full, test_draft_disk_full, test_strace_faults, test_kill):
            test(top, inputs)
    finally:
        shutil.rmtree(top, ignore_errors=True)
    print(f"1..{len(results)}")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
