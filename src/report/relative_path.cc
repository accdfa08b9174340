#include "report/relative_path.h"

#include <filesystem>

namespace samshift::report {

std::string relativePath(std::string_view path, std::string_view workingDirectory) {
  namespace fs = std::filesystem;
  if (path.empty() || path.front() == '<') return std::string(path);
  fs::path p = fs::path(path).lexically_normal();
  if (p.is_absolute() && !workingDirectory.empty()) {
    fs::path relative = p.lexically_relative(fs::path(workingDirectory).lexically_normal());
    if (!relative.empty()) p = relative;
  }
  std::string out = p.generic_string();
  if (out.empty()) return std::string(path);
  return out;
}

}  // namespace samshift::report
