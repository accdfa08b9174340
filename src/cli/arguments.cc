#include "cli/arguments.h"

namespace samshift::cli {

bool Arguments::atOption() const {
  if (positionalOnly_ || done()) return false;
  const std::string& arg = args_[index_];
  return arg.size() > 1 && arg[0] == '-';
}

bool Arguments::flag(std::initializer_list<std::string_view> names) {
  if (!atOption()) return false;
  for (std::string_view name : names) {
    if (args_[index_] == name) {
      ++index_;
      return true;
    }
  }
  return false;
}

std::optional<core::Result<std::string>> Arguments::option(
    std::initializer_list<std::string_view> names) {
  if (!atOption()) return std::nullopt;
  const std::string& arg = args_[index_];
  for (std::string_view name : names) {
    if (arg == name) {
      if (index_ + 1 >= args_.size()) {
        ++index_;
        return core::Result<std::string>(core::usageError(std::string(name) + " needs a value"));
      }
      index_ += 2;
      return core::Result<std::string>(args_[index_ - 1]);
    }
    if (name.size() == 2 && arg.size() > 2 && arg.compare(0, 2, name) == 0) {  // -j2
      ++index_;
      return core::Result<std::string>(arg.substr(2));
    }
    if (name.substr(0, 2) == "--" && arg.size() > name.size() &&
        arg.compare(0, name.size(), name) == 0 && arg[name.size()] == '=') {
      ++index_;
      return core::Result<std::string>(arg.substr(name.size() + 1));
    }
  }
  return std::nullopt;
}

core::Result<std::string> Arguments::positional() {
  const std::string& arg = args_[index_];
  if (!positionalOnly_ && arg == "--") {
    positionalOnly_ = true;
    ++index_;
    if (done()) return core::usageError("nothing after --");
    return args_[index_++];
  }
  if (atOption()) return core::usageError("unknown option " + arg);
  return args_[index_++];
}

}  // namespace samshift::cli
