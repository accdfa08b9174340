#pragma once
// The options several commands share, read one way: `-f/--format` (from the command's list),
// `-o/--output`, and for commands that resolve parameters `--region` and
// `--parameter-overrides`.

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "cli/arguments.h"
#include "cli/parameter_overrides.h"
#include "core/result.h"

namespace samshift::cli {

struct SharedOptionSet {
  std::span<const std::string_view> formats;  // the first is the default
  bool templateValues = false;                // --region and --parameter-overrides
};

struct SharedOptions {
  explicit SharedOptions(const SharedOptionSet& set) : format(set.formats.front()) {}

  std::string format;
  std::string output;  // empty: standard output
  std::string region = "us-east-1";
  ParameterOverrides overrides;
};

// When the current argument is one of the shared options `set` allows, consumes it (with its
// value) into `options`: ok, or a usage error; nullopt when it is another argument.
std::optional<core::Status> readSharedOption(Arguments& args, const SharedOptionSet& set,
                                             SharedOptions& options);

// `--error-format FORMAT` of expand and plan: one of the report formats (report/formats.h).
std::optional<core::Status> readErrorFormat(Arguments& args, std::string& format);

}  // namespace samshift::cli
