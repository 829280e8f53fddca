/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A faulty disk, for LD_PRELOAD in tests that need no root: writes to
 * regular files under $HUI_FAULT_DIR fail with ENOSPC after
 * $HUI_FAULT_WRITE_AFTER of them succeeded, and their fsync waits
 * $HUI_FAULT_FSYNC_DELAY_MS first. With $HUI_FAULT_ARM_FILE set, faults
 * apply only while that file exists, so a test can let a program start
 * normally and break the disk later. Everything else (the terminal, the
 * X connection, files elsewhere) is left alone. */

#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

static long writes_done;

static int
is_faulty (int fd)
{
  const char *dir = getenv ("HUI_FAULT_DIR");
  const char *arm = getenv ("HUI_FAULT_ARM_FILE");
  char proc[64], path[4096];
  struct stat st;
  ssize_t n;

  if (dir == NULL || fd <= 2 || fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    return 0;
  if (arm != NULL && access (arm, F_OK) != 0)
    return 0;

  snprintf (proc, sizeof proc, "/proc/self/fd/%d", fd);
  n = readlink (proc, path, sizeof path - 1);
  if (n < 0)
    return 0;
  path[n] = '\0';

  return strncmp (path, dir, strlen (dir)) == 0;
}

static int
write_fails (int fd)
{
  const char *after = getenv ("HUI_FAULT_WRITE_AFTER");

  if (after == NULL || !is_faulty (fd))
    return 0;
  if (writes_done < atol (after))
    {
      writes_done++;
      return 0;
    }
  errno = ENOSPC;
  return 1;
}

ssize_t
write (int         fd,
       const void *buf,
       size_t      count)
{
  static ssize_t (*real) (int, const void *, size_t);

  if (real == NULL)
    real = dlsym (RTLD_NEXT, "write");
  if (write_fails (fd))
    return -1;
  return real (fd, buf, count);
}

ssize_t
writev (int                 fd,
        const struct iovec *iov,
        int                 iovcnt)
{
  static ssize_t (*real) (int, const struct iovec *, int);

  if (real == NULL)
    real = dlsym (RTLD_NEXT, "writev");
  if (write_fails (fd))
    return -1;
  return real (fd, iov, iovcnt);
}

static void
delay (int fd)
{
  const char *ms = getenv ("HUI_FAULT_FSYNC_DELAY_MS");
  struct timespec ts;

  if (ms == NULL || !is_faulty (fd))
    return;
  ts.tv_sec = atol (ms) / 1000;
  ts.tv_nsec = (atol (ms) % 1000) * 1000000L;
  nanosleep (&ts, NULL);
}

int
fsync (int fd)
{
  static int (*real) (int);

  if (real == NULL)
    real = dlsym (RTLD_NEXT, "fsync");
  delay (fd);
  return real (fd);
}

int
fdatasync (int fd)
{
  static int (*real) (int);

  if (real == NULL)
    real = dlsym (RTLD_NEXT, "fdatasync");
  delay (fd);
  return real (fd);
}
