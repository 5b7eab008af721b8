#ifndef ECLAIRE_CSANDBOX_H
#define ECLAIRE_CSANDBOX_H

/// Forbids the calling thread, or with `all_threads` the whole process, to start a program (execve), to create a
/// process (fork, vfork, clone without CLONE_THREAD) and to open an Internet socket, for ever: threads still start.
/// Returns 0, or the errno of the refusal (ENOSYS where seccomp or this architecture is not supported).
int eclaire_sandbox_forbid_processes_and_network(int all_threads);

#endif
