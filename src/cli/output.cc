#include "cli/output.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>

#include "cli/exit_codes.h"
#include "core/atomic_file.h"

namespace samshift::cli {

namespace {

core::Error writeError(const std::string& name, int error) {
  return core::ioError("cannot write " + name + ": " + std::strerror(error));
}

// Refuses a target that is one of the inputs (through any link), unless it is a character
// device such as /dev/null, which writing cannot harm.
core::Status checkNotAnInput(const core::OutputTarget& target, const std::string& path,
                             const std::vector<std::string>& inputs) {
  if (!target.identity || target.isCharacterDevice) return core::okStatus();
  for (const std::string& input : inputs) {
    auto identity =
        input == "-" ? core::identityOfDescriptor(STDIN_FILENO) : core::identityOf(input);
    if (identity && *identity == *target.identity) {
      std::string which = input == "-" ? "standard input" : "the input " + input;
      return core::usageError("--output " + path + " is " + which + "; refusing to replace it");
    }
  }
  return core::okStatus();
}

// Opens a device or FIFO where it is (without creating or truncating anything), and checks
// that what was opened is still what was resolved.
core::Result<int> openInPlace(const core::OutputTarget& target) {
  int fd = ::open(target.path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) return writeError(target.path, errno);
  auto identity = core::identityOfDescriptor(fd);
  if (!identity || identity != target.identity) {
    ::close(fd);
    return core::ioError("cannot write " + target.path + ": it changed while being opened");
  }
  return fd;
}

}  // namespace

void ignoreSignalsThatHideWriteErrors() {
  ::signal(SIGPIPE, SIG_IGN);
  ::signal(SIGXFSZ, SIG_IGN);
}

int finishStandardOutput(int status) {
  std::cout.flush();
  if (std::cout) return status;
  std::cerr << "samshift: cannot write standard output\n";
  return kExitInputError;
}

core::Result<std::unique_ptr<Output>> Output::open(const std::string& path,
                                                   const std::vector<std::string>& inputs) {
  if (path.empty() || path == "-") {
    core::OutputTarget target;
    target.kind = core::OutputTarget::Kind::kDescriptor;
    target.descriptor = STDOUT_FILENO;
    return std::unique_ptr<Output>(new Output(std::move(target), STDOUT_FILENO, false));
  }
  auto target = core::resolveOutputTarget(path);
  if (!target) return target.error();
  if (auto status = checkNotAnInput(target.value(), path, inputs); !status) return status.error();
  switch (target->kind) {
    case core::OutputTarget::Kind::kDescriptor: {
      int fd = target->descriptor;
      return std::unique_ptr<Output>(new Output(std::move(target).value(), fd, false));
    }
    case core::OutputTarget::Kind::kInPlace: {
      auto fd = openInPlace(target.value());
      if (!fd) return fd.error();
      return std::unique_ptr<Output>(new Output(std::move(target).value(), fd.value(), true));
    }
    case core::OutputTarget::Kind::kFile:
      break;
  }
  return std::unique_ptr<Output>(new Output(std::move(target).value(), -1, false));
}

Output::Output(core::OutputTarget target, int fd, bool ownsFd)
    : target_(std::move(target)), fd_(fd), ownsFd_(ownsFd), stream_(nullptr) {
  name_ = fd == STDOUT_FILENO && target_.path.empty() ? "standard output" : target_.path;
  if (fd_ >= 0) {
    descriptorBuffer_ = std::make_unique<core::DescriptorBuffer>(fd_);
    stream_.rdbuf(descriptorBuffer_.get());
  } else {
    stream_.rdbuf(&fileBuffer_);
  }
}

Output::~Output() {
  if (ownsFd_) ::close(fd_);
}

bool Output::isTerminal() const { return fd_ >= 0 && ::isatty(fd_) != 0; }

core::Status Output::close() {
  if (fd_ < 0) return core::writeFileAtomically(target_.path, fileBuffer_.view());
  if (int error = descriptorBuffer_->flush(); error != 0) return writeError(name_, error);
  return core::okStatus();
}

}  // namespace samshift::cli
