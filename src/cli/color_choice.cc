#include "cli/color_choice.h"

#include <cstring>

namespace samshift::cli {

bool colorWanted(std::string_view option, bool terminal,
                 const std::function<const char*(const char*)>& environment) {
  if (option != "auto") return option == "always";
  auto set = [&](const char* name) {
    const char* value = environment(name);
    return value && *value;  // an empty value counts as unset, as both conventions say
  };
  if (set("NO_COLOR")) return false;
  if (set("FORCE_COLOR")) return true;
  const char* term = environment("TERM");
  if (term && std::strcmp(term, "dumb") == 0) return false;
  return terminal;
}

}  // namespace samshift::cli
