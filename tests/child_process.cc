#include "child_process.h"

#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <stdexcept>

namespace samshift::testing {

namespace {

constexpr uid_t kNobody = 65534;

[[noreturn]] void execSamshift(const std::vector<std::string>& args, const ChildOptions& options,
                               int errFd) {
  int in = options.stdinFd >= 0 ? options.stdinFd : ::open("/dev/null", O_RDONLY);
  int out = options.stdoutFd >= 0 ? options.stdoutFd : ::open("/dev/null", O_WRONLY);
  ::dup2(in, STDIN_FILENO);
  ::dup2(out, STDOUT_FILENO);
  ::dup2(errFd, STDERR_FILENO);
  ::signal(SIGPIPE, SIG_DFL);
  ::signal(SIGXFSZ, SIG_DFL);
  struct rlimit fileSize {
    options.fileSizeLimit, options.fileSizeLimit
  };
  ::setrlimit(RLIMIT_FSIZE, &fileSize);
  if (options.asNobody && ::geteuid() == 0) {
    if (::setgroups(0, nullptr) != 0 || ::setgid(kNobody) != 0 || ::setuid(kNobody) != 0)
      ::_exit(126);
  }
  if (options.processLimit) {
    struct rlimit processes {
      *options.processLimit, *options.processLimit
    };
    ::setrlimit(RLIMIT_NPROC, &processes);
  }
  for (const std::string& entry : options.environment) ::putenv(const_cast<char*>(entry.c_str()));
  std::vector<char*> argv{const_cast<char*>(SAMSHIFT_BINARY)};
  for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  ::execv(argv[0], argv.data());
  ::_exit(127);
}

}  // namespace

Child::Child(const std::vector<std::string>& args, const ChildOptions& options) {
  int err[2];
  if (::pipe2(err, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
  pid_ = ::fork();
  if (pid_ == 0) {
    ::close(err[0]);
    execSamshift(args, options, err[1]);
  }
  ::close(err[1]);
  err_ = err[0];
}

bool Child::exited() {
  if (!done_) done_ = ::waitpid(pid_, &status_, WNOHANG) == pid_;
  return done_;
}

ChildResult Child::finish() {
  ChildResult result;
  char buffer[4096];
  for (ssize_t count; (count = ::read(err_, buffer, sizeof buffer)) > 0;) {
    result.err.append(buffer, static_cast<size_t>(count));
  }
  ::close(err_);
  if (!done_) ::waitpid(pid_, &status_, 0);
  done_ = true;
  result.status = WIFEXITED(status_) ? WEXITSTATUS(status_) : 128 + WTERMSIG(status_);
  return result;
}

ChildResult runChild(const std::vector<std::string>& args, const ChildOptions& options) {
  return Child(args, options).finish();
}

}  // namespace samshift::testing
