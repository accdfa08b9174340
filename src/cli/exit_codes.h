#pragma once

#include <iostream>
#include <string_view>

#include "core/result.h"

namespace samshift::cli {

// ShellCheck's split: findings, unprocessable input, and bad usage each have their own code.
enum ExitCode : int {
  kExitClean = 0,
  kExitFindings = 1,
  kExitInputError = 2,
  kExitUsage = 3,
};

// The one map from a tool failure to the exit status: what the user asked wrongly (the command
// line, a configuration file) is usage; what could not be read, written or processed is 2.
constexpr int exitCodeFor(core::ErrorKind kind) {
  switch (kind) {
    case core::ErrorKind::kUsage:
    case core::ErrorKind::kConfig:
      return kExitUsage;
    case core::ErrorKind::kIo:
    case core::ErrorKind::kInput:
    case core::ErrorKind::kInternal:
      break;
  }
  return kExitInputError;
}

// Prints `samshift COMMAND: message` on standard error; returns the error's exit status.
inline int reportError(std::string_view command, const core::Error& error) {
  std::cerr << "samshift " << command << ": " << error.message << '\n';
  return exitCodeFor(error.kind);
}

}  // namespace samshift::cli
