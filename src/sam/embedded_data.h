#pragma once
// SAM's own data files (src/sam/data/, copied from SAM v1.110.0), compiled into samshift by
// scripts/embed_files.py (as compact JSON).

#include <string_view>

namespace samshift::sam {

// The text of src/sam/data/STEM.json; empty when there is no such file.
std::string_view embeddedSamData(std::string_view stem);

}  // namespace samshift::sam
