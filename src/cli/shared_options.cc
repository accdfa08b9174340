#include "cli/shared_options.h"

#include "report/formats.h"

#include <algorithm>

namespace samshift::cli {

namespace {

std::string oneOf(std::span<const std::string_view> choices) {
  std::string text;
  for (size_t i = 0; i < choices.size(); ++i) {
    if (i > 0) text += i + 1 == choices.size() ? " or " : ", ";
    text += choices[i];
  }
  return text;
}

}  // namespace

std::optional<core::Status> readSharedOption(Arguments& args, const SharedOptionSet& set,
                                             SharedOptions& options) {
  if (auto value = args.option({"-f", "--format"})) {
    if (!*value) return core::Status(value->error());
    if (std::find(set.formats.begin(), set.formats.end(), value->value()) == set.formats.end()) {
      return core::Status(
          core::usageError("unknown format '" + value->value() + "' (" + oneOf(set.formats) + ")"));
    }
    options.format = value->value();
    return core::okStatus();
  }
  if (auto value = args.option({"-o", "--output"})) {
    if (!*value) return core::Status(value->error());
    if (value->value().empty()) return core::Status(core::usageError("--output needs a file name"));
    options.output = value->value();
    return core::okStatus();
  }
  if (!set.templateValues) return std::nullopt;
  if (auto value = args.option({"--region"})) {
    if (!*value) return core::Status(value->error());
    if (value->value().empty())
      return core::Status(core::usageError("--region needs a region name"));
    options.region = value->value();
    return core::okStatus();
  }
  return readParameterOverrides(args, options.overrides);
}

std::optional<core::Status> readErrorFormat(Arguments& args, std::string& format) {
  auto value = args.option({"--error-format"});
  if (!value) return std::nullopt;
  if (!*value) return core::Status(value->error());
  const auto& names = report::reportFormatNames();
  if (std::find(names.begin(), names.end(), value->value()) == names.end()) {
    return core::Status(
        core::usageError("unknown error format '" + value->value() + "' (" + oneOf(names) + ")"));
  }
  format = value->value();
  return core::okStatus();
}

}  // namespace samshift::cli
