// libFuzzer target, structure-aware: an input is a template (YAML or JSON) and the custom mutator
// changes its tree, not its bytes (fuzz/template_mutator.h), then writes it back as text. Each
// input goes through lint, expand, plan and the language server; a rule failure (X001) is a bug.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "fuzz/run_commands.h"
#include "fuzz/template_mutator.h"
#include "fuzz/template_writer.h"
#include "load/loader.h"

extern "C" size_t LLVMFuzzerMutate(uint8_t* data, size_t size, size_t maxSize);

namespace {

using samshift::fuzz::Random;
using samshift::fuzz::TemplateMutator;

std::string asText(const uint8_t* data, size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

// Replaces the input by `text` when it fits; else leaves it to libFuzzer's byte mutations.
size_t replaceInput(const std::string& text, uint8_t* data, size_t size, size_t maxSize) {
  if (text.size() > maxSize) return LLVMFuzzerMutate(data, size, maxSize);
  std::memcpy(data, text.data(), text.size());
  return text.size();
}

}  // namespace

// libFuzzer's entropic schedule updates feature frequencies on every execution, and an execution
// here (every command) sets some 50,000 features: with it the seed corpus ran 4 times slower
// (174 inputs in 3.04 CPU-seconds, 0.76 without). Off unless the command line says otherwise.
extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
  for (int i = 1; i < *argc; ++i) {
    if (std::strncmp((*argv)[i], "-entropic=", 10) == 0) return 0;
  }
  static std::vector<char*> arguments;
  static char entropicOff[] = "-entropic=0";
  arguments.assign(*argv, *argv + *argc);
  arguments.insert(arguments.begin() + 1, entropicOff);
  arguments.push_back(nullptr);
  *argc += 1;
  *argv = arguments.data();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  samshift::fuzz::CommandsOutcome outcome =
      samshift::fuzz::runEveryCommand("template.yaml", asText(data, size));
  if (!outcome.ruleFailures.empty()) std::abort();
  return 0;
}

extern "C" size_t LLVMFuzzerCustomMutator(uint8_t* data, size_t size, size_t maxSize,
                                          unsigned int seed) {
  Random random(seed);
  // Now and then bytes too: the loaders' error paths, and inputs the tree cannot express.
  if (random.oneIn(16)) return LLVMFuzzerMutate(data, size, maxSize);
  auto document = samshift::load::loadText("template.yaml", asText(data, size));
  if (!document.parsed) return LLVMFuzzerMutate(data, size, maxSize);
  TemplateMutator mutator(random.next());
  for (size_t count = random.between(1, 3); count > 0; --count) mutator.mutate(document.root);
  return replaceInput(samshift::fuzz::writeTemplate(document.root, mutator.writeStyle()), data,
                      size, maxSize);
}

extern "C" size_t LLVMFuzzerCustomCrossOver(const uint8_t* data1, size_t size1,
                                            const uint8_t* data2, size_t size2, uint8_t* out,
                                            size_t maxOutSize, unsigned int seed) {
  auto first = samshift::load::loadText("first.yaml", asText(data1, size1));
  auto second = samshift::load::loadText("second.yaml", asText(data2, size2));
  if (!first.parsed || !second.parsed) return 0;  // libFuzzer then mutates instead
  TemplateMutator mutator(seed);
  mutator.crossOver(first.root, second.root);
  std::string text = samshift::fuzz::writeTemplate(first.root, mutator.writeStyle());
  if (text.size() > maxOutSize) return 0;
  std::memcpy(out, text.data(), text.size());
  return text.size();
}
