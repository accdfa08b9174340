#pragma once
// The two YAML event sources behind one interface: libyaml (the YAML 1.1 parser under PyYAML,
// which the SAM transform uses; exact start and end marks and styles on every event) and
// yaml-cpp (start marks only: ends are read back from the text). Both feed the same builder.

#include <optional>
#include <string_view>

#include "load/yaml_event.h"
#include "model/document.h"

namespace samshift::load {

enum class YamlParser { kLibyaml, kYamlCpp };

// Parses `text` (the original bytes) and feeds the sink; returns a syntax problem when the text
// is not YAML, or nullopt (also when the sink stopped the parse).
std::optional<model::LoadProblem> parseWithLibyaml(std::string_view text, YamlEventSink& sink);
std::optional<model::LoadProblem> parseWithYamlCpp(std::string_view text, YamlEventSink& sink);

}  // namespace samshift::load
