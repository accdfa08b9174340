#include "core/output_target.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <string_view>

#include "core/path_names.h"

namespace samshift::core {

namespace {

constexpr int kMaxSymlinkHops = 40;  // the kernel's own limit (MAXSYMLINKS)

Error systemError(const std::string& path, int error) {
  return ioError("cannot write " + path + ": " + std::strerror(error));
}

// The descriptor a name such as /dev/stdout or /dev/fd/3 stands for. Resolving those links
// would name a pipe or terminal only the kernel can reopen, or a file the shell already opened.
std::optional<int> descriptorNamed(std::string_view path) {
  if (path == "/dev/stdout") return 1;
  if (path == "/dev/stderr") return 2;
  for (std::string_view prefix : {"/dev/fd/", "/proc/self/fd/"}) {
    if (path.substr(0, prefix.size()) != prefix) continue;
    std::string_view digits = path.substr(prefix.size());
    int fd = -1;
    auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), fd);
    if (error == std::errc() && end == digits.data() + digits.size() && !digits.empty()) return fd;
  }
  return std::nullopt;
}

// The name a dangling symlink (chain) would create; `path` itself when it is no link.
Result<std::string> finalNameOfMissing(const std::string& path) {
  std::string current = path;
  for (int hop = 0; hop < kMaxSymlinkHops; ++hop) {
    struct stat status {};
    if (::lstat(current.c_str(), &status) != 0) {
      if (errno == ENOENT) return current;
      return systemError(path, errno);
    }
    if (!S_ISLNK(status.st_mode)) return current;
    std::string target(PATH_MAX, '\0');
    ssize_t length = ::readlink(current.c_str(), target.data(), target.size());
    if (length < 0) return systemError(path, errno);
    target.resize(static_cast<size_t>(length));
    current = target.front() == '/' ? target : directoryOf(current) + "/" + target;
  }
  return usageError("cannot write " + path + ": too many levels of symbolic links");
}

Result<OutputTarget> fileTarget(const std::string& path, const struct stat& status) {
  char* resolved = ::realpath(path.c_str(), nullptr);
  if (!resolved) return systemError(path, errno);
  OutputTarget target;
  target.path = resolved;
  std::free(resolved);
  target.identity = FileIdentity{status.st_dev, status.st_ino};
  return target;
}

Result<OutputTarget> newFileTarget(const std::string& path) {
  auto name = finalNameOfMissing(path);
  if (!name) return name.error();
  struct stat directory {};
  if (::stat(directoryOf(name.value()).c_str(), &directory) != 0) return systemError(path, errno);
  if (!S_ISDIR(directory.st_mode)) return systemError(path, ENOTDIR);
  OutputTarget target;
  target.path = std::move(name).value();
  return target;
}

}  // namespace

Result<OutputTarget> resolveOutputTarget(const std::string& path) {
  if (path.empty()) return usageError("the output needs a file name");
  if (std::optional<int> fd = descriptorNamed(path)) {
    OutputTarget target;
    target.kind = OutputTarget::Kind::kDescriptor;
    target.path = path;
    target.descriptor = *fd;
    return target;
  }
  struct stat status {};
  if (::stat(path.c_str(), &status) != 0) {
    if (errno == ENOENT) return newFileTarget(path);
    if (errno == ELOOP)
      return usageError("cannot write " + path + ": too many levels of symbolic links");
    return systemError(path, errno);
  }
  if (S_ISREG(status.st_mode)) return fileTarget(path, status);
  if (S_ISCHR(status.st_mode) || S_ISFIFO(status.st_mode)) {
    OutputTarget target;
    target.kind = OutputTarget::Kind::kInPlace;
    target.path = path;
    target.identity = FileIdentity{status.st_dev, status.st_ino};
    target.isCharacterDevice = S_ISCHR(status.st_mode);
    return target;
  }
  const char* what = S_ISDIR(status.st_mode)    ? "a directory"
                     : S_ISSOCK(status.st_mode) ? "a socket"
                     : S_ISBLK(status.st_mode)  ? "a block device"
                                                : "not a regular file";
  return usageError("cannot write " + path + ": it is " + std::string(what));
}

}  // namespace samshift::core
