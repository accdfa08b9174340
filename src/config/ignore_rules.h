#pragma once
// The patterns of one `.gitignore` file, as git reads them: blank lines and `#` comments skipped,
// `!` re-includes, a trailing `/` matches directories only, a `/` at the start or in the middle
// anchors the pattern to the file's directory; `*`, `?`, `[...]` and `**` as in config/glob.h.
// The last pattern that matches decides. What lint's directory search skips comes from here.

#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "config/glob.h"

namespace samshift::config {

class IgnoreRules {
 public:
  // Malformed patterns (an unclosed `[`) are left out, as git leaves them.
  static IgnoreRules parse(std::string_view text);

  // True: ignored, false: re-included (`!`), nullopt: no pattern matches. `path` is relative to
  // the directory of the `.gitignore`, with `/` separators.
  std::optional<bool> decide(std::string_view path, bool isDirectory) const;

  bool empty() const { return patterns_.empty(); }

 private:
  struct Pattern {
    std::unique_ptr<Glob> glob;
    bool negated = false;
    bool directoryOnly = false;
  };
  std::vector<Pattern> patterns_;
};

}  // namespace samshift::config
