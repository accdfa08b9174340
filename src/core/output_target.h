#pragma once
// What an output path (`-o PATH`) names, decided before a command does any work, so that no
// output ever replaces what is not a regular file: a name of an open descriptor (/dev/stdout,
// /dev/fd/N) is written through that descriptor, a character device or FIFO is written in
// place, a regular file (or a name not taken yet) is replaced whole, through any symlinks to
// the final target; a directory, socket or block device is refused.

#include <optional>
#include <string>

#include "core/file_identity.h"
#include "core/result.h"

namespace samshift::core {

struct OutputTarget {
  enum class Kind {
    kDescriptor,  // /dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N: that descriptor
    kInPlace,     // a character device or FIFO: opened and written where it is
    kFile,        // a regular file, or a name not taken yet: replaced whole
  };
  Kind kind = Kind::kFile;
  std::string path;     // kFile: the final target, symlinks resolved; else as given
  int descriptor = -1;  // kDescriptor
  std::optional<FileIdentity> identity;  // when the target exists
  bool isCharacterDevice = false;
};

// A refused kind of file, a symlink loop or a missing directory is an error naming `path`
// (kUsage for what the command line should not ask, kIo for what the system refuses).
Result<OutputTarget> resolveOutputTarget(const std::string& path);

}  // namespace samshift::core
