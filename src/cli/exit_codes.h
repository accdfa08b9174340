#pragma once

namespace samshift::cli {

// ShellCheck's split: findings, unprocessable input, and bad usage each have their own code.
enum ExitCode : int {
  kExitClean = 0,
  kExitFindings = 1,
  kExitInputError = 2,
  kExitUsage = 3,
};

}  // namespace samshift::cli
