#pragma once
// The directory and file name parts of a path, by plain string work (with a thousand inputs,
// std::filesystem's component splitting was a third of `lint -j2`'s serial part).

#include <string>

namespace samshift::core {

// "a/b/c.yaml" → "a/b"; "c.yaml" → "."; "/c.yaml" → "/".
inline std::string directoryOf(const std::string& path) {
  size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

// "a/b/c.yaml" → "c.yaml".
inline std::string baseNameOf(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace samshift::core
