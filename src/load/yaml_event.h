#pragma once
// One YAML parse event, the same whichever parser produced it: the tree builder consumes these.
// Offsets are byte offsets in the original file.

#include <cstdint>
#include <string>

#include "model/node.h"

namespace samshift::load {

enum class YamlEventKind {
  kDocumentStart,
  kScalar,
  kAlias,
  kSequenceStart,
  kSequenceEnd,
  kMappingStart,
  kMappingEnd
};

struct YamlEvent {
  YamlEventKind kind = YamlEventKind::kScalar;
  uint32_t begin = 0;       // where the node starts, its anchor and tag included
  uint32_t end = 0;         // where it ends (for a start event: unused)
  uint32_t valueBegin = 0;  // scalars: where the value starts, after anchor and tag
  std::string tag;          // "" when untagged, "!Ref", "tag:yaml.org,2002:str", …
  std::string anchor;       // the anchor defined here, or the anchor an alias names
  std::string value;        // scalars
  model::NodeStyle style = model::NodeStyle::kPlain;  // scalars: quoting; collections: block/flow
  bool isNull = false;  // an empty or `~`/null scalar the parser already typed as null
  // An empty value whose position the parser did not give (yaml-cpp marks the next token):
  // the builder places it just after the `:` or `-` that introduced it.
  bool emptyWithoutPosition = false;
};

// Receives events; returns false to stop the parse (the sink has recorded why).
class YamlEventSink {
 public:
  virtual ~YamlEventSink() = default;
  virtual bool onEvent(const YamlEvent& event) = 0;
};

}  // namespace samshift::load
