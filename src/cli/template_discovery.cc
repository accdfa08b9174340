#include "cli/template_discovery.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <system_error>
#include <tuple>
#include <utility>

#include "core/file_identity.h"

namespace samshift::cli {

namespace fs = std::filesystem;

namespace {

bool hasTemplateExtension(const fs::path& path) {
  std::string ext = path.extension().string();
  return ext == ".yaml" || ext == ".yml" || ext == ".json" || ext == ".template";
}

bool isInside(const fs::path& path, const fs::path& root) {
  auto [rootEnd, pathAt] = std::mismatch(root.begin(), root.end(), path.begin(), path.end());
  return rootEnd == root.end();
}

// One directory given on the command line, searched depth-first.
class DirectorySearch {
  struct Found {
    std::string path;
    bool viaLink = false;
  };

 public:
  DirectorySearch(Discovery& out, int index) : out_(out), index_(index) {}

  void run(const std::string& root) {
    std::error_code error;
    rootReal_ = fs::canonical(root, error);
    if (error) return problem(root, error);
    pending_.push_back(fs::path(root));
    while (!pending_.empty()) {
      fs::path directory = std::move(pending_.back());
      pending_.pop_back();
      search(directory);
    }
    std::vector<std::string> files;
    for (auto& [identity, found] : found_) files.push_back(std::move(found.path));
    std::sort(files.begin(), files.end());
    for (std::string& file : files) out_.inputs.push_back(Input{std::move(file), true, index_});
  }

 private:
  void problem(const fs::path& directory, const std::error_code& error) {
    out_.directories[index_].complete = false;
    out_.problems.push_back("cannot search " + directory.string() + ": " + error.message());
  }

  // False for a directory already searched: a second way in (a link inside the tree) would loop
  // or repeat its files.
  bool firstVisit(const fs::path& directory) {
    auto identity = core::identityOf(directory);
    return identity && visited_.insert(*identity).second;
  }

  void search(const fs::path& directory) {
    if (!firstVisit(directory)) return;
    std::error_code error;
    fs::directory_iterator it(directory, error);
    if (error) return problem(directory, error);
    std::vector<fs::path> subdirectories;
    for (; it != fs::directory_iterator(); it.increment(error)) {
      const fs::directory_entry& entry = *it;
      std::error_code ignored;
      if (entry.is_symlink(ignored) && !targetInside(entry.path())) continue;
      fs::file_status status = entry.status(ignored);  // through a link
      if (fs::is_directory(status)) {
        std::string name = entry.path().filename().string();
        if (name.empty() || name[0] != '.')
          subdirectories.push_back(entry.path());  // not .git, .aws-sam
      } else if (fs::is_regular_file(status) && hasTemplateExtension(entry.path())) {
        if (auto identity = core::identityOf(entry.path())) {
          add(*identity, Found{entry.path().string(), entry.is_symlink(ignored)});
        }
      }
    }
    if (error) problem(directory, error);
    // Depth-first in name order; the found files are sorted at the end anyway.
    std::sort(subdirectories.rbegin(), subdirectories.rend());
    for (fs::path& subdirectory : subdirectories) pending_.push_back(std::move(subdirectory));
  }

  // A file reached by a second name (a link inside the tree) is linted once, by its own name.
  void add(const core::FileIdentity& identity, Found found) {
    auto [it, inserted] = found_.emplace(identity, found);
    Found& kept = it->second;
    if (!inserted && std::tie(found.viaLink, found.path) < std::tie(kept.viaLink, kept.path))
      kept = std::move(found);
  }

  bool targetInside(const fs::path& link) const {
    std::error_code error;
    fs::path target = fs::canonical(link, error);  // fails for a dangling or looping link
    return !error && isInside(target, rootReal_);
  }

  Discovery& out_;
  int index_;  // of the directory in out_.directories
  fs::path rootReal_;
  std::vector<fs::path> pending_;
  std::set<core::FileIdentity> visited_;
  std::map<core::FileIdentity, Found> found_;
};

}  // namespace

Discovery discoverInputs(const std::vector<std::string>& paths) {
  Discovery discovery;
  for (const std::string& path : paths) {
    if (path == "-") {
      // Standard input can be read once: a second `-` would be an empty template.
      bool first = std::none_of(discovery.inputs.begin(), discovery.inputs.end(),
                                [](const Input& input) { return input.path == "-"; });
      if (first) discovery.inputs.push_back(Input{path, false, -1});
      continue;
    }
    std::error_code error;
    if (!fs::is_directory(path, error)) {
      discovery.inputs.push_back(
          Input{path, false, -1});  // a missing file is reported when it is read
      continue;
    }
    discovery.directories.push_back(SearchedDirectory{path});
    DirectorySearch(discovery, static_cast<int>(discovery.directories.size() - 1)).run(path);
  }
  return discovery;
}

}  // namespace samshift::cli
