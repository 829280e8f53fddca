#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Walks the #include graph of app/ and fails when a layer includes a later
one, when folders include each other in a circle, or when files do. Also
checks the names: no file is called hb-* (HarfBuzz's prefix), and each
function a file exports carries the file's prefix (hui-text-rules.c:
hui_text_rules_*), the prefix of the type it implements with other files
(hui-window-actions.c: hui_window_*, or _hui_window_* for private ones),
or of a type its header declares (hui-page.h's HuiFigure: hui_figure_*).

The layers, in the order data flows (HACKING.md draws them):
  core/support → core/model → core/text → core/project → core/import
  → core/layout → core/export → cli, gui
A file may include its own folder and any earlier layer; cli and gui sit
side by side on top and do not include each other."""
import os
import re
import sys

LAYERS = ['core/support', 'core/model', 'core/text', 'core/project',
          'core/import', 'core/layout', 'core/export', 'cli', 'gui']
RANK = {name: i for i, name in enumerate(LAYERS)}
RANK['gui'] = RANK['cli']  # both on top, neither above the other
INCLUDE = re.compile(r'^\s*#\s*include\s+([<"])([^>"]+)[>"]', re.M)


def sources(app):
    for folder, _, files in os.walk(app):
        for name in sorted(files):
            if name.endswith(('.c', '.h')):
                yield os.path.normpath(os.path.join(folder, name))


def resolve(app, including, target, beside=True):
    """Where an include is found: beside the file (quoted ones only), then
    from app/core (layer/file.h), then beside the GUI or CLI headers."""
    bases = [os.path.dirname(including)] if beside else []
    for base in bases + [os.path.join(app, 'core'), os.path.join(app, 'gui'), os.path.join(app, 'cli')]:
        path = os.path.normpath(os.path.join(base, target))
        if os.path.isfile(path):
            return path
    return None


def folder_of(app, path):
    return os.path.relpath(os.path.dirname(path), app)


def find_cycle(graph):
    """A list of nodes forming a cycle in @graph, or None."""
    state = {}
    stack = []

    def visit(node):
        state[node] = 'open'
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 'open':
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state:
                cycle = visit(nxt)
                if cycle:
                    return cycle
        stack.pop()
        state[node] = 'done'
        return None

    for node in sorted(graph):
        if node not in state:
            cycle = visit(node)
            if cycle:
                return cycle
    return None


def snake(type_name):
    """HuiPlacedLine → hui_placed_line_"""
    return re.sub(r'(?<!^)([A-Z])', r'_\1', type_name).lower() + '_'


def allowed_prefixes(path):
    folder, name = os.path.split(path)
    stem = name[:-2]
    parts = stem.split('-')
    prefixes = {stem.replace('-', '_') + '_'}
    for i in range(2, len(parts)):
        parent = '-'.join(parts[:i])
        if os.path.exists(os.path.join(folder, parent + '.c')):
            prefixes.add(parent.replace('-', '_') + '_')
    for header in (stem + '.h', '-'.join(parts[:2]) + '.h'):
        header = os.path.join(folder, header)
        if os.path.exists(header):
            for t in re.findall(r'^\} (Hui[A-Za-z]+);', open(header, encoding='utf-8').read(), re.M):
                prefixes.add(snake(t))
    return prefixes


DEFINITION = re.compile(r'^(?!static\b)[A-Za-z_][^\n(;=]*\n([a-z_][a-z0-9_]*) \(', re.M)


def check_names(app, top):
    problems = []
    for path in sources(app):
        name = os.path.basename(path)
        if name.startswith('hb-'):
            problems.append(f'{os.path.relpath(path, top)}: hb- is HarfBuzz\'s prefix; name Huibian\'s files hui-*')
        if not name.endswith('.c') or name in ('main.c', 'huibian-cli.c'):
            continue
        prefixes = allowed_prefixes(path)
        text = open(path, encoding='utf-8').read()
        for function in DEFINITION.findall(text):
            bare = function.lstrip('_')
            if not any(bare.startswith(p) or bare + '_' == p for p in prefixes):
                problems.append(f'{os.path.relpath(path, top)}: {function}() does not carry the file\'s prefix '
                                f'({", ".join(sorted(prefixes))})')
    return problems


def main():
    top = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..')
    app = os.path.normpath(os.path.join(top, 'app'))
    problems = []
    files = {}
    folders = {}
    for path in sources(app):
        folder = folder_of(app, path)
        if folder not in RANK:
            problems.append(f'{os.path.relpath(path, top)}: in {folder}/, which is no layer')
            continue
        text = open(path, encoding='utf-8').read()
        for bracket, target in INCLUDE.findall(text):
            if target == 'config.h':
                continue
            # <…> is a system header unless it names one of app/'s
            # (app/core is on the include path).
            found = resolve(app, path, target, beside=bracket == '"')
            if found is None:
                if bracket == '"':
                    problems.append(f'{os.path.relpath(path, top)}: includes "{target}", not found in app/')
                continue
            other = folder_of(app, found)
            files.setdefault(path, set()).add(found)
            if other != folder:
                folders.setdefault(folder, set()).add(other)
                if RANK.get(other, -1) >= RANK[folder]:
                    problems.append(f'{os.path.relpath(path, top)}: {folder} includes "{target}" '
                                    f'of {other}, a later layer')
    for graph, what in ((folders, 'folders'), (files, 'files')):
        cycle = find_cycle(graph)
        if cycle:
            names = [os.path.relpath(c, app) if what == 'files' else c for c in cycle]
            problems.append(f'{what} include each other in a circle: ' + ' → '.join(names))
    problems += check_names(app, top)
    for p in problems:
        print(p)
    edges = sum(len(v) for v in files.values())
    print(f'{len(files)} files, {edges} includes, {len(folders)} folders: '
          + ('ok' if not problems else f'{len(problems)} problems'))
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
