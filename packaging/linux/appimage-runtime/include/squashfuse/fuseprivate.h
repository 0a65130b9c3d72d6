/* The part of squashfuse's private fuseprivate.h that runtime.c uses. Debian's libsquashfuse-dev ships the
 * functions (in libsquashfuse_ll.a) but not this header. The first three fields are what sqfs_opt_proc fills
 * (checked against Debian 12's squashfuse 0.1.105); offset and idle_timeout_secs are parsed by runtime.c. */
#ifndef SQFS_FUSEPRIVATE_H
#define SQFS_FUSEPRIVATE_H
#include <stdbool.h>
#include <stddef.h>
#include <sys/statvfs.h>

typedef struct {
    char *progname;
    const char *image;
    int mountpoint;
    size_t offset;
    unsigned int idle_timeout_secs;
} sqfs_opts;

void sqfs_usage(char *progname, bool fuse_usage, bool ll_usage);
int sqfs_listxattr(sqfs *fs, sqfs_inode *inode, char *buf, size_t *size);
int sqfs_statfs(sqfs *sq, struct statvfs *st);
#endif
