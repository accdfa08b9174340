#include "load/load_budget.h"

namespace samshift::load {

std::string LoadBudget::describe(Limit limit) const {
  switch (limit) {
    case Limit::kNone:
      break;
    case Limit::kNodes:
      return "More than " + std::to_string(limits_.maxNodes) +
             " values in one document (a limit that keeps memory in proportion to the input); "
             "loading stopped here";
    case Limit::kCopiedNodes:
      return "Aliases expand to more than " + std::to_string(limits_.maxCopiedNodes) +
             " nodes (an alias bomb?); expansion stopped here";
    case Limit::kCopiedBytes:
      return "Aliases expand to more than " + std::to_string(limits_.maxCopiedBytes) +
             " bytes of text (an alias bomb?); expansion stopped here";
    case Limit::kProblems:
      return "More than " + std::to_string(limits_.maxProblems) +
             " duplicate keys or other problems; loading stopped here";
    case Limit::kDepth:
      return "Nesting deeper than " + std::to_string(limits_.maxDepth) + " levels";
  }
  return {};
}

}  // namespace samshift::load
