// The layers of samshift (core → model → load → sam → engine/schema → rules, expand, plan →
// report → lsp → cli) are enforced by the build: each layer's include path shows only its own
// headers and those below it. This test compiles, with the very flags the build uses for one
// source file of each layer, a probe that asks which layers' headers it can see, and fails when a
// layer sees one above it — or fails to see one below it, so it cannot pass by seeing nothing.

#include <rapidjson/document.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.h"

namespace fs = std::filesystem;
using samshift::testing::readFile;
using samshift::testing::TempDir;
using samshift::testing::writeFile;

namespace {

// The layers each layer may include, directly or through the layers it builds on. This is the
// design; the Meson files are its implementation.
const std::map<std::string, std::set<std::string>>& allowedLayers() {
  static const std::map<std::string, std::set<std::string>> kAllowed = [] {
    std::map<std::string, std::set<std::string>> direct = {
        {"core", {}},
        {"model", {"core"}},
        {"load", {"model"}},
        {"sam", {"model"}},
        {"engine", {"model"}},
        {"schema", {"load"}},
        {"config", {"engine", "load"}},
        {"rules", {"engine", "schema", "sam"}},
        {"expand", {"sam"}},
        {"plan", {"sam"}},
        {"report", {"core"}},
        {"lsp", {"config", "expand", "plan"}},
        {"cli", {"rules", "lsp", "report", "config", "expand", "plan"}},
    };
    std::map<std::string, std::set<std::string>> closure;
    for (const auto& [layer, _] : direct) {
      std::set<std::string> seen = {layer};
      std::vector<std::string> todo = {layer};
      while (!todo.empty()) {
        std::string next = todo.back();
        todo.pop_back();
        for (const std::string& below : direct.at(next)) {
          if (seen.insert(below).second) todo.push_back(below);
        }
      }
      closure[layer] = seen;
    }
    return closure;
  }();
  return kAllowed;
}

fs::path layerDirectory(const std::string& layer) {
  return layer == "rules" ? fs::path("rules") : fs::path("src") / layer;
}

// Some header of the layer, as other code includes it ("plan/schedule.h").
std::string someHeader(const std::string& layer) {
  std::vector<std::string> headers;
  for (const auto& entry : fs::recursive_directory_iterator(layerDirectory(layer))) {
    if (entry.path().extension() == ".h")
      headers.push_back(entry.path().lexically_relative(layerDirectory(layer)).string());
  }
  REQUIRE_FALSE(headers.empty());
  std::sort(headers.begin(), headers.end());
  return layer + "/" + headers.front();
}

std::string runShell(const std::string& command, int& status) {
  std::string output;
  FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
  REQUIRE(pipe != nullptr);
  char buffer[4096];
  size_t read;
  while ((read = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) output.append(buffer, read);
  status = ::pclose(pipe);
  return output;
}

}  // namespace

TEST_CASE("layers: an include that runs up the stack does not compile", "[layers]") {
  fs::path buildDirectory = fs::path(SAMSHIFT_BINARY).parent_path();
  rapidjson::Document commands;
  commands.Parse(readFile(buildDirectory / "compile_commands.json").c_str());
  REQUIRE(commands.IsArray());

  TempDir temp;
  for (const auto& [layer, allowed] : allowedLayers()) {
    // The build's command for one source file of the layer.
    std::string marker = "/" + layerDirectory(layer).string() + "/";
    std::string command;
    for (const auto& entry : commands.GetArray()) {
      std::string file = entry["file"].GetString();
      if (file.find(marker) != std::string::npos && file.ends_with(".cc")) {
        command = entry["command"].GetString();
        break;
      }
    }
    INFO("layer " << layer);
    REQUIRE_FALSE(command.empty());

    std::string probe;
    for (const auto& [other, _] : allowedLayers()) {
      std::string header = someHeader(other);
      bool visible = allowed.count(other) != 0;
      probe += std::string("#if ") + (visible ? "!" : "") + "__has_include(\"" + header +
               "\")\n#error \"" + layer + (visible ? " cannot see " : " sees ") + header +
               "\"\n#endif\n";
    }
    fs::path probeFile = temp.path() / (layer + "_probe.cc");
    writeFile(probeFile, probe);

    // Keep the flags, compile the probe instead: drop the output, dependency file and source.
    std::string flags;
    std::istringstream words(command);
    std::string word;
    for (bool skipNext = false; words >> word;) {
      if (skipNext) {
        skipNext = false;
        continue;
      }
      if (word == "-o" || word == "-MQ" || word == "-MF" || word == "-c") {
        skipNext = true;
        continue;
      }
      if (word == "-MD" || word == "ccache") continue;
      flags += word + " ";
    }
    int status = 0;
    std::string output = runShell("cd '" + buildDirectory.string() + "' && " + flags +
                                      "-fsyntax-only '" + probeFile.string() + "'",
                                  status);
    INFO(output);
    CHECK(status == 0);
  }
}

// An include that climbs out of the directory it is written in ("../plan/schedule.h") would reach
// past the include path; headers are included by their layer's name instead.
TEST_CASE("layers: headers are included by layer name, never by a relative path", "[layers]") {
  for (const char* root : {"src", "rules"}) {
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
      if (entry.path().extension() != ".h" && entry.path().extension() != ".cc") continue;
      std::istringstream lines(readFile(entry.path()));
      for (std::string line; std::getline(lines, line);) {
        if (!line.starts_with("#include \"")) continue;
        INFO(entry.path().string() << ": " << line);
        CHECK(line.find('/') != std::string::npos);
        CHECK(line.find("..") == std::string::npos);
      }
    }
  }
}
