#include "lsp/text_edit.h"

#include "core/source_file.h"

namespace samshift::lsp {

core::Result<std::string> applyChange(const std::string& text, const ContentChange& change) {
  if (!change.start) return change.text;
  // SourceFile copies the text; the line table is what we need, and building it is linear.
  core::SourceFile source("", text);
  uint32_t begin = source.offsetOfLsp(*change.start);
  uint32_t end = source.offsetOfLsp(change.end);
  if (end < begin) {
    return core::Error{core::ErrorKind::kInput, "change range ends before it starts"};
  }
  std::string out;
  out.reserve(text.size() - (end - begin) + change.text.size());
  out.append(text, 0, begin);
  out.append(change.text);
  out.append(text, end, std::string::npos);
  return out;
}

}  // namespace samshift::lsp
