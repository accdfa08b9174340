#pragma once
// A small command-line reader shared by the subcommands: `--name value`, `--name=value`,
// `-x value`, flags, and positional arguments (`-` is positional: standard input).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace samshift::cli {

class Arguments {
 public:
  Arguments(std::vector<std::string> args) : args_(std::move(args)) {}  // NOLINT

  bool done() const { return index_ >= args_.size(); }
  // True when the current argument is the flag `name` (one of its spellings); consumes it.
  bool flag(std::initializer_list<std::string_view> names);
  // When the current argument is option `name`, consumes it and its value.
  std::optional<core::Result<std::string>> option(std::initializer_list<std::string_view> names);
  // The current argument as a positional one; an unknown `-x` is a usage error.
  core::Result<std::string> positional();
  bool atOption() const;
  const std::string& current() const { return args_[index_]; }

 private:
  std::vector<std::string> args_;
  size_t index_ = 0;
  bool positionalOnly_ = false;
};

}  // namespace samshift::cli
