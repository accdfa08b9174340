#pragma once
// Which file a path (symlinks followed) or an open descriptor is: two names of one file, through
// symlinks or hard links, have the same identity.

#include <sys/types.h>

#include <compare>
#include <optional>
#include <string>

namespace samshift::core {

struct FileIdentity {
  dev_t device = 0;
  ino_t inode = 0;
  auto operator<=>(const FileIdentity&) const = default;
};

std::optional<FileIdentity> identityOf(const std::string& path);
std::optional<FileIdentity> identityOfDescriptor(int fd);

}  // namespace samshift::core
