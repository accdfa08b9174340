// libFuzzer target: any bytes loaded and expanded.
#include <cstddef>
#include <cstdint>
#include <string>

#include "expand/expander.h"
#include "load/loader.h"
#include "model/template.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto doc =
      samshift::load::loadText("fuzz.yaml", std::string(reinterpret_cast<const char*>(data), size));
  if (!doc.parsed) return 0;
  samshift::model::Template templ(doc.root);
  samshift::sam::ParameterValues params(templ, {}, "us-east-1");
  samshift::expand::expandTemplate(doc.root, params);
  return 0;
}
