#pragma once
// Builds the node tree from YAML events: anchors and aliases (with an expansion budget), merge
// keys, duplicate keys, a depth limit, PyYAML typing of plain scalars and CloudFormation short
// forms as the SAM transform's loader makes them.

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "load/limits.h"
#include "model/document.h"
#include "load/mapping_entries.h"
#include "load/yaml_event.h"

namespace samshift::load {

class TreeBuilder : public YamlEventSink {
 public:
  TreeBuilder(std::string_view text, const LoadLimits& limits, std::vector<model::LoadProblem>& problems)
      : text_(text), limits_(limits), problems_(problems) {}

  bool onEvent(const YamlEvent& event) override;

  // The root of the first document (null when there was none).
  model::Node takeRoot() { return root_ ? std::move(*root_) : model::Node(); }
  bool stopped() const { return stopped_; }

 private:
  // Frames are reused from one collection to the next at the same depth, so their scratch
  // vectors keep their capacity: children gather there and move, at the close, into a vector of
  // exactly their number (one allocation per collection, no slack).
  struct Frame {
    model::Node node;
    std::string tag;
    std::string anchor;
    uint32_t begin = 0;
    uint32_t lastEnd = 0;  // where the latest child ended
    std::optional<model::Node> pendingKey;
    MappingEntries entries;
    std::vector<model::MapEntry> pendingEntries;
    std::vector<model::Node> pendingItems;
    std::vector<model::Node> merges;  // values of `<<` keys, in order
  };
  struct Anchored {
    model::Node node;
    size_t size = 0;
  };

  bool stop(uint32_t begin, uint32_t end, std::string message);
  uint32_t emptyValuePosition(uint32_t fallback) const;
  model::Node scalarNode(const YamlEvent& event) const;
  bool open(const YamlEvent& event, model::Node node);
  void close(uint32_t end);
  void attach(model::Node&& node, const std::string& anchor, uint32_t end);
  void addEntry(Frame& frame, model::Node&& key, model::Node&& value);
  void applyMerges(Frame& frame);

  std::string_view text_;
  const LoadLimits& limits_;
  std::vector<model::LoadProblem>& problems_;
  std::vector<Frame> stack_;  // frames [0, depth_) are open
  size_t depth_ = 0;
  std::unordered_map<std::string, Anchored> anchors_;
  size_t aliasNodes_ = 0;
  std::optional<model::Node> root_;
  size_t documents_ = 0;
  bool stopped_ = false;
};

}  // namespace samshift::load
