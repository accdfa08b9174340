#pragma once
// `exclude` patterns, gitignore-style: `*` and `?` stay within one path segment, `**` spans
// segments, `[abc]` is a class; a pattern without a `/` matches a file or directory name at any
// depth, one with a `/` matches from the configuration's directory. A pattern that matches a
// directory excludes everything below it.

#include <memory>
#include <string>
#include <string_view>

namespace re2 {
class RE2;
}

namespace samshift::config {

class Glob {
 public:
  Glob(Glob&&) noexcept;
  Glob& operator=(Glob&&) noexcept;
  ~Glob();

  // Null when the pattern is malformed (an unclosed `[`); `error` says why.
  static std::unique_ptr<Glob> compile(std::string_view pattern, std::string& error);

  const std::string& pattern() const { return pattern_; }
  // `path` is relative to the configuration's directory, with `/` separators.
  bool matches(std::string_view path) const;

 private:
  Glob() = default;
  std::string pattern_;
  std::unique_ptr<re2::RE2> regex_;
};

}  // namespace samshift::config
