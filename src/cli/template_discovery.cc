#include "cli/template_discovery.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace samshift::cli {

namespace fs = std::filesystem;

namespace {

bool hasTemplateExtension(const fs::path& path) {
  std::string ext = path.extension().string();
  return ext == ".yaml" || ext == ".yml" || ext == ".json" || ext == ".template";
}

}  // namespace

core::Result<std::vector<Input>> discoverInputs(const std::vector<std::string>& paths) {
  std::vector<Input> inputs;
  for (const std::string& path : paths) {
    if (path == "-") {
      // Standard input can be read once: a second `-` would be an empty template.
      bool first = std::none_of(inputs.begin(), inputs.end(),
                                [](const Input& input) { return input.path == "-"; });
      if (first) inputs.push_back(Input{path, false});
      continue;
    }
    std::error_code error;
    if (!fs::is_directory(path, error)) {
      inputs.push_back(Input{path, false});  // a missing file is reported when it is read
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, error);
    if (error) return core::ioError("cannot search " + path + ": " + error.message());
    for (; it != fs::recursive_directory_iterator(); it.increment(error)) {
      if (error) return core::ioError("cannot search " + path + ": " + error.message());
      const fs::directory_entry& entry = *it;
      std::string name = entry.path().filename().string();
      if (entry.is_directory(error) && !name.empty() && name[0] == '.') {
        it.disable_recursion_pending();  // .git, .aws-sam and friends
        continue;
      }
      if (entry.is_regular_file(error) && hasTemplateExtension(entry.path())) {
        found.push_back(entry.path().string());
      }
    }
    std::sort(found.begin(), found.end());
    for (std::string& file : found) inputs.push_back(Input{std::move(file), true});
  }
  return inputs;
}

}  // namespace samshift::cli
