#include "core/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <random>

#include "core/descriptor_output.h"
#include "core/output_target.h"
#include "core/path_names.h"

namespace samshift::core {

namespace {

constexpr int kNameAttempts = 100;

Error failure(const std::string& what, const std::string& path, int error) {
  return ioError("cannot " + what + " " + path + ": " + std::strerror(error));
}

// `.NAME.tmp.SUFFIX` beside the target: hidden, and in its file system, so that rename() works.
std::string temporaryName(const std::string& path, const std::string& suffix) {
  return directoryOf(path) + "/." + baseNameOf(path) + ".tmp." + suffix;
}

// The temporary file being written: unnamed (O_TMPFILE) or named and hidden.
struct Temporary {
  int fd = -1;
  std::string name;  // empty while unnamed
};

Result<Temporary> createTemporary(const std::string& path) {
  Temporary temporary;
#ifdef O_TMPFILE
  temporary.fd = ::open(directoryOf(path).c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
  if (temporary.fd >= 0) return temporary;
  // EOPNOTSUPP: the file system lacks it; EISDIR or EINVAL: the kernel does.
  if (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL) {
    return failure("create a temporary file for", path, errno);
  }
#endif
  std::string pattern = temporaryName(path, "XXXXXX");
  temporary.fd = ::mkostemp(pattern.data(), O_CLOEXEC);  // O_EXCL: never through a planted link
  if (temporary.fd < 0) return failure("create a temporary file for", path, errno);
  temporary.name = pattern;
  return temporary;
}

// Gives the unnamed file `fd` the name `name`; fails with EEXIST when the name is taken (a
// link planted there included: linkat never follows one).
int linkUnnamed(int fd, const std::string& name) {
  if (::linkat(fd, "", AT_FDCWD, name.c_str(), AT_EMPTY_PATH) == 0) return 0;
  if (errno != ENOENT && errno != EPERM) return errno;
  // AT_EMPTY_PATH needs CAP_DAC_READ_SEARCH; the /proc name of the descriptor does not.
  std::string self = "/proc/self/fd/" + std::to_string(fd);
  if (::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, name.c_str(), AT_SYMLINK_FOLLOW) == 0) return 0;
  return errno;
}

// Makes the written temporary file the target: linked straight under the target's name when
// that is free, else under a fresh hidden name first and then renamed over the target.
Status publish(Temporary& temporary, const std::string& path) {
  if (temporary.name.empty()) {
    int error = linkUnnamed(temporary.fd, path);
    if (error == 0) return okStatus();
    if (error != EEXIST) return failure("write", path, error);
    std::random_device random;
    for (int attempt = 0; attempt < kNameAttempts && temporary.name.empty(); ++attempt) {
      char suffix[16];
      std::snprintf(suffix, sizeof suffix, "%08x", static_cast<unsigned>(random()));
      std::string name = temporaryName(path, suffix);
      error = linkUnnamed(temporary.fd, name);
      if (error == 0) temporary.name = name;
      if (error != 0 && error != EEXIST) return failure("write", path, error);
    }
    if (temporary.name.empty()) return failure("write", path, EEXIST);
  }
  if (::rename(temporary.name.c_str(), path.c_str()) != 0) return failure("write", path, errno);
  temporary.name.clear();
  return okStatus();
}

// The target's owner and permission bits when it exists; else 0666 less the umask.
int copyOwnerAndMode(int fd, const std::string& path) {
  struct stat existing {};
  if (::stat(path.c_str(), &existing) == 0) {
    (void)::fchown(fd, existing.st_uid, existing.st_gid);  // only root may give a file away
    return ::fchmod(fd, existing.st_mode & 07777) == 0 ? 0 : errno;
  }
  mode_t mask = ::umask(0);
  ::umask(mask);
  return ::fchmod(fd, 0666 & ~mask) == 0 ? 0 : errno;
}

}  // namespace

Status writeFileAtomically(const std::string& path, std::string_view contents) {
  auto target = resolveOutputTarget(path);
  if (!target) return target.error();
  if (target->kind != OutputTarget::Kind::kFile) {
    return ioError("cannot write " + path + ": not a regular file to replace");
  }
  const std::string& final = target->path;
  auto temporary = createTemporary(final);
  if (!temporary) return temporary.error();
  int error = writeAll(temporary->fd, contents);
  if (error == 0) error = copyOwnerAndMode(temporary->fd, final);
  if (error == 0 && ::fsync(temporary->fd) != 0) error = errno;
  // After fsync succeeded, close cannot lose the bytes; the descriptor stays open until the
  // file is published because an unnamed file is linked through it.
  Status published = error == 0 ? publish(*temporary, final) : failure("write", final, error);
  ::close(temporary->fd);
  if (!temporary->name.empty()) ::unlink(temporary->name.c_str());
  return published;
}

}  // namespace samshift::core
