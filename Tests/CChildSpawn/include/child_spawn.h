#ifndef CHILD_SPAWN_H
#define CHILD_SPAWN_H

#include <spawn.h>

/// glibc's GNU extensions for posix_spawn that Swift's Glibc module does not show (they need
/// _GNU_SOURCE): chdir in the child, close every descriptor from `lowest` up in the child, and
/// a pipe created close-on-exec in one step.
int child_spawn_add_chdir(posix_spawn_file_actions_t *actions, const char *path);
int child_spawn_add_closefrom(posix_spawn_file_actions_t *actions, int lowest);
int child_spawn_pipe_cloexec(int descriptors[2]);

#endif
