#pragma once
// Builds the node tree from YAML events: anchors and aliases, merge keys, duplicate keys, PyYAML
// typing of plain scalars and CloudFormation short forms as the SAM transform's loader makes
// them, within the document's limits (values, copies, depth, problems: see LoadLimits).

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "load/child_buffer.h"
#include "load/limits.h"
#include "load/load_budget.h"
#include "load/mapping_entries.h"
#include "load/yaml_event.h"
#include "model/document.h"

namespace samshift::load {

class TreeBuilder : public YamlEventSink {
 public:
  TreeBuilder(std::string_view text, const LoadLimits& limits,
              std::vector<model::LoadProblem>& problems)
      : text_(text), budget_(limits), problems_(problems) {}

  bool onEvent(const YamlEvent& event) override;

  // The root of the first document (null when there was none).
  model::Node takeRoot() { return root_ ? std::move(*root_) : model::Node(); }
  bool stopped() const { return stopped_; }

 private:
  // Frames are reused from one collection to the next at the same depth, so their buffers keep
  // a little capacity; children move, at the close, into a vector of exactly their number.
  struct Frame {
    model::Node node;
    std::string tag;
    std::string anchor;
    uint32_t begin = 0;
    uint32_t lastEnd = 0;  // where the latest child ended
    std::optional<model::Node> pendingKey;
    MappingEntries entries;
    ChildBuffer<model::Node> items;
    std::vector<model::Node> merges;  // values of `<<` keys, in order
  };
  // What copying a node costs: its values, its scalar text and how deep it nests.
  struct Size {
    size_t nodes = 0;
    size_t textBytes = 0;
    size_t height = 0;
  };
  struct Anchored {
    model::Node node;
    Size size;
  };

  static Size sizeOf(const model::Node& node);
  bool stop(uint32_t begin, uint32_t end, std::string message);
  bool within(Limit passed, uint32_t begin, uint32_t end);
  uint32_t emptyValuePosition(uint32_t fallback) const;
  model::Node scalarNode(const YamlEvent& event) const;
  bool open(const YamlEvent& event, model::Node node);
  bool close(uint32_t end);
  bool attach(model::Node&& node, const std::string& anchor, uint32_t begin, uint32_t end);
  void addEntry(Frame& frame, model::Node&& key, model::Node&& value);
  bool applyMerges(Frame& frame, uint32_t end);

  std::string_view text_;
  LoadBudget budget_;
  std::vector<model::LoadProblem>& problems_;
  std::vector<Frame> stack_;  // frames [0, depth_) are open
  size_t depth_ = 0;
  std::unordered_map<std::string, Anchored> anchors_;
  std::optional<model::Node> root_;
  size_t documents_ = 0;
  bool stopped_ = false;
};

}  // namespace samshift::load
