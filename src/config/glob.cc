#include "config/glob.h"

#include <re2/re2.h>

namespace samshift::config {

Glob::Glob(Glob&&) noexcept = default;
Glob& Glob::operator=(Glob&&) noexcept = default;
Glob::~Glob() = default;

std::unique_ptr<Glob> Glob::compile(std::string_view pattern, std::string& error) {
  std::string_view body = pattern;
  while (body.substr(0, 2) == "./") body.remove_prefix(2);
  bool anchored = body.find('/') != std::string_view::npos && body.find('/') + 1 != body.size();
  if (!body.empty() && body.front() == '/') body.remove_prefix(1);
  while (!body.empty() && body.back() == '/') body.remove_suffix(1);
  if (body.empty()) {
    error = "an empty pattern matches nothing";
    return nullptr;
  }
  std::string regex = anchored ? "^" : "^(?:.*/)?";
  for (size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (c == '*' && i + 1 < body.size() && body[i + 1] == '*') {
      bool slashAfter = i + 2 < body.size() && body[i + 2] == '/';
      bool atSegmentStart = i == 0 || body[i - 1] == '/';
      if (atSegmentStart && slashAfter) {
        regex += "(?:.*/)?";  // `**/` matches zero or more directories
        i += 2;
      } else {
        regex += ".*";
        i += 1;
      }
    } else if (c == '*') {
      regex += "[^/]*";
    } else if (c == '?') {
      regex += "[^/]";
    } else if (c == '[') {
      size_t close = body.find(']', i + 2);
      if (close == std::string_view::npos) {
        error = "unclosed `[` in pattern";
        return nullptr;
      }
      std::string_view cls = body.substr(i + 1, close - i - 1);
      regex += '[';
      size_t k = 0;
      if (!cls.empty() && (cls[0] == '!' || cls[0] == '^')) {
        regex += '^';
        k = 1;
      }
      for (; k < cls.size(); ++k) {
        if (cls[k] == '\\' || cls[k] == '[' || cls[k] == ']') regex += '\\';
        regex += cls[k];
      }
      regex += ']';
      i = close;
    } else {
      regex += RE2::QuoteMeta(std::string_view(&body[i], 1));
    }
  }
  regex += "(?:/.*)?$";  // a matched directory takes everything below it
  auto glob = std::unique_ptr<Glob>(new Glob());
  glob->pattern_ = std::string(pattern);
  glob->regex_ = std::make_unique<re2::RE2>(regex, RE2::Quiet);
  if (!glob->regex_->ok()) {
    error = "malformed pattern";
    return nullptr;
  }
  return glob;
}

bool Glob::matches(std::string_view path) const {
  while (path.substr(0, 2) == "./") path.remove_prefix(2);
  return RE2::FullMatch(path, *regex_);
}

}  // namespace samshift::config
