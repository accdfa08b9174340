#pragma once
// Running the samshift binary under conditions a shell line cannot set up reliably: standard
// streams on given descriptors (a full device, a pipe whose reader is gone), resource limits,
// another user (so that permissions apply when the tests run as root), and its output read
// while it runs.

#include <sys/resource.h>
#include <sys/types.h>

#include <optional>
#include <string>
#include <vector>

namespace samshift::testing {

struct ChildOptions {
  int stdinFd = -1;                      // -1: /dev/null
  int stdoutFd = -1;                     // -1: /dev/null
  rlim_t fileSizeLimit = RLIM_INFINITY;  // RLIMIT_FSIZE, with SIGXFSZ at its default
  std::optional<rlim_t> processLimit;    // RLIMIT_NPROC: threads count too
  bool asNobody = false;                 // when root: run as uid/gid 65534
  std::vector<std::string> environment;  // NAME=VALUE entries set for the child
};

struct ChildResult {
  int status = -1;  // the exit status, or 128 + the signal that ended the process
  std::string err;
};

class Child {
 public:
  Child(const std::vector<std::string>& args, const ChildOptions& options);
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;

  // True once the process has ended (does not wait).
  bool exited();
  // Waits for the end, with everything written on standard error.
  ChildResult finish();

 private:
  pid_t pid_ = -1;
  int err_ = -1;
  int status_ = 0;
  bool done_ = false;
};

ChildResult runChild(const std::vector<std::string>& args, const ChildOptions& options = {});

}  // namespace samshift::testing
