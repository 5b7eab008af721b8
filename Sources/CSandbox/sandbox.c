/* CLONE_THREAD is declared by <sched.h> under _GNU_SOURCE. */
#define _GNU_SOURCE 1
#include "CSandbox.h"

#include <errno.h>
#include <stddef.h>
#include <sched.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#if defined(__linux__)
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>

#if defined(__x86_64__)
#define SANDBOX_ARCH AUDIT_ARCH_X86_64
#elif defined(__aarch64__)
#define SANDBOX_ARCH AUDIT_ARCH_AARCH64
#endif
#endif

#if defined(SANDBOX_ARCH)

#define LOAD(field) BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, field))
#define RETURN(action) BPF_STMT(BPF_RET | BPF_K, (action))
#define REFUSE(error) RETURN(SECCOMP_RET_ERRNO | ((error) & SECCOMP_RET_DATA))
/* A call numbered `nr` is refused with `error`; any other goes on to the next check. */
#define REFUSE_CALL(nr, error) BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (nr), 0, 1), REFUSE(error)

int eclaire_sandbox_forbid_processes_and_network(int all_threads) {
    struct sock_filter filter[] = {
        LOAD(arch),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SANDBOX_ARCH, 1, 0),
        RETURN(SECCOMP_RET_KILL_PROCESS),
        LOAD(nr),
#if defined(__x86_64__)
        /* The x32 ABI reaches the same calls under other numbers. */
        BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, 0x40000000, 0, 1),
        RETURN(SECCOMP_RET_KILL_PROCESS),
        REFUSE_CALL(__NR_fork, EPERM),
        REFUSE_CALL(__NR_vfork, EPERM),
#endif
        REFUSE_CALL(__NR_execve, EPERM),
        REFUSE_CALL(__NR_execveat, EPERM),
#if defined(__NR_clone3)
        /* clone3 passes its flags in memory, out of a filter's reach: glibc then falls back to clone. */
        REFUSE_CALL(__NR_clone3, ENOSYS),
#endif
        /* clone: a thread joins the caller's thread group; anything else is a new process. The flags are the
           first argument, in its low 32 bits on these little-endian machines. */
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_clone, 0, 4),
        LOAD(args[0]),
        BPF_JUMP(BPF_JMP | BPF_JSET | BPF_K, CLONE_THREAD, 0, 1),
        RETURN(SECCOMP_RET_ALLOW),
        REFUSE(EPERM),
        /* socket: the domain is the first argument; local sockets stay open (name lookups use them). */
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_socket, 0, 5),
        LOAD(args[0]),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AF_INET, 2, 0),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AF_INET6, 1, 0),
        RETURN(SECCOMP_RET_ALLOW),
        REFUSE(EACCES),
        RETURN(SECCOMP_RET_ALLOW),
    };
    struct sock_fprog program = { .len = (unsigned short)(sizeof(filter) / sizeof(filter[0])), .filter = filter };
    /* Required to install a filter without privileges; also no set-uid program could gain rights afterwards. */
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) return errno;
    unsigned int flags = all_threads ? SECCOMP_FILTER_FLAG_TSYNC : 0;
    long result = syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, flags, &program);
    if (result < 0) return errno;
    /* With TSYNC a positive result names a thread that could not be synchronised. */
    if (result > 0) return EAGAIN;
    return 0;
}

#else

int eclaire_sandbox_forbid_processes_and_network(int all_threads) {
    (void)all_threads;
    return ENOSYS;
}

#endif
