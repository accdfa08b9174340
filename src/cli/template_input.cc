#include "cli/template_input.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "load/loader.h"

namespace samshift::cli {

core::Result<std::string> readStandardInput() {
  const size_t limit = load::LoadLimits{}.maxBytes;
  char buffer[1 << 16];
  // Room for the most that is ever read, reserved at once: the kernel provides pages only as
  // they are written, and growing by doubling would copy the text (64 MiB and its copy, then
  // a 128 MiB buffer, for a stream past the limit).
  std::string text;
  text.reserve(limit + sizeof buffer);
  while (text.size() <= limit) {
    ssize_t count = ::read(STDIN_FILENO, buffer, sizeof buffer);
    if (count == 0) break;
    if (count < 0) {
      if (errno == EINTR) continue;
      return core::ioError(std::string("cannot read standard input: ") + std::strerror(errno));
    }
    text.append(buffer, static_cast<size_t>(count));
  }
  return text;
}

core::Result<model::Document> readTemplate(const std::string& path) {
  if (path != "-") return load::loadFile(path);
  auto text = readStandardInput();
  if (!text) return text.error();
  return load::loadText(kStandardInputName, std::move(text).value());
}

}  // namespace samshift::cli
