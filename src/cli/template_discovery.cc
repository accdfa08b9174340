#include "cli/template_discovery.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <system_error>
#include <tuple>
#include <utility>

#include "config/ignore_rules.h"
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

// Generated or vendored trees no one writes templates in: npm packages (a hundred thousand
// files, some of them YAML) and the CDK's synthesized output (templates, but generated ones).
bool isToolDirectory(const std::string& name) {
  return name == "node_modules" || name == "cdk.out";
}

// The `.gitignore` files that apply to a directory, innermost last; each layer holds one file's
// patterns and the directory they are relative to.
struct IgnoreLayer {
  fs::path base;
  config::IgnoreRules rules;
  std::shared_ptr<const IgnoreLayer> outer;
};
using IgnoreChain = std::shared_ptr<const IgnoreLayer>;

// `directory`'s own .gitignore on top of `outer`; `outer` itself when it has none.
IgnoreChain withIgnoreFile(const fs::path& directory, IgnoreChain outer) {
  std::ifstream file(directory / ".gitignore", std::ios::binary);
  if (!file) return outer;
  std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  auto rules = config::IgnoreRules::parse(text);
  if (rules.empty()) return outer;
  return std::make_shared<const IgnoreLayer>(IgnoreLayer{directory, std::move(rules), outer});
}

// As git decides: the innermost file with a matching pattern, its last matching pattern.
bool gitIgnores(const IgnoreLayer* layer, const fs::path& path, bool isDirectory) {
  for (; layer; layer = layer->outer.get()) {
    std::string relative = path.lexically_relative(layer->base).generic_string();
    if (auto decided = layer->rules.decide(relative, isDirectory)) return *decided;
  }
  return false;
}

// The .gitignore files of `root`'s parents, up to the repository root (the directory holding
// `.git`); none outside a repository, where no .gitignore applies.
IgnoreChain parentIgnoreFiles(const fs::path& rootReal) {
  std::vector<fs::path> parents;
  std::error_code error;
  for (fs::path dir = rootReal; !fs::exists(dir / ".git", error); dir = dir.parent_path()) {
    if (!dir.has_parent_path() || dir.parent_path() == dir) return nullptr;
    parents.push_back(dir.parent_path());
  }
  IgnoreChain chain;
  for (auto it = parents.rbegin(); it != parents.rend(); ++it) chain = withIgnoreFile(*it, chain);
  return chain;
}

// One directory given on the command line, searched depth-first.
class DirectorySearch {
  struct Found {
    std::string path;
    bool viaLink = false;
  };

 public:
  DirectorySearch(Discovery& out, int index, const DiscoveryOptions& options)
      : out_(out), index_(index), options_(options) {}

  void run(const std::string& root) {
    std::error_code error;
    rootReal_ = fs::canonical(root, error);
    if (error) return problem(root, error);
    // Patterns are matched against real paths, so that `..` or a link in the name given on the
    // command line does not change what a .gitignore means.
    IgnoreChain outer = options_.skipIgnored ? parentIgnoreFiles(rootReal_) : nullptr;
    pending_.push_back(Pending{fs::path(root), rootReal_, outer});
    while (!pending_.empty()) {
      Pending next = std::move(pending_.back());
      pending_.pop_back();
      search(next);
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

  // A directory to search: as named for output, as a real path for .gitignore patterns.
  struct Pending {
    fs::path path;
    fs::path real;
    IgnoreChain ignores;
  };

  void search(const Pending& directory) {
    if (!firstVisit(directory.path)) return;
    IgnoreChain ignores =
        options_.skipIgnored ? withIgnoreFile(directory.real, directory.ignores) : nullptr;
    std::error_code error;
    fs::directory_iterator it(directory.path, error);
    if (error) return problem(directory.path, error);
    std::vector<Pending> subdirectories;
    for (; it != fs::directory_iterator(); it.increment(error)) {
      const fs::directory_entry& entry = *it;
      std::error_code ignored;
      if (entry.is_symlink(ignored) && !targetInside(entry.path())) continue;
      fs::file_status status = entry.status(ignored);  // through a link
      std::string name = entry.path().filename().string();
      fs::path real = directory.real / name;
      if (fs::is_directory(status)) {
        if (name.empty() || name[0] == '.') continue;  // .git, .aws-sam
        if (options_.skipIgnored &&
            (isToolDirectory(name) || gitIgnores(ignores.get(), real, true)))
          continue;
        subdirectories.push_back(Pending{entry.path(), real, ignores});
      } else if (fs::is_regular_file(status) && hasTemplateExtension(entry.path())) {
        if (options_.skipIgnored && gitIgnores(ignores.get(), real, false)) continue;
        if (auto identity = core::identityOf(entry.path())) {
          add(*identity, Found{entry.path().string(), entry.is_symlink(ignored)});
        }
      }
    }
    if (error) problem(directory.path, error);
    // Depth-first in name order; the found files are sorted at the end anyway.
    std::sort(subdirectories.begin(), subdirectories.end(),
              [](const Pending& a, const Pending& b) { return a.path > b.path; });
    for (Pending& subdirectory : subdirectories) pending_.push_back(std::move(subdirectory));
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
  const DiscoveryOptions& options_;
  fs::path rootReal_;
  std::vector<Pending> pending_;
  std::set<core::FileIdentity> visited_;
  std::map<core::FileIdentity, Found> found_;
};

}  // namespace

Discovery discoverInputs(const std::vector<std::string>& paths, const DiscoveryOptions& options) {
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
    DirectorySearch(discovery, static_cast<int>(discovery.directories.size() - 1), options)
        .run(path);
  }
  return discovery;
}

}  // namespace samshift::cli
