#pragma once
// The subcommands. Each takes its arguments (after the subcommand name) and returns an exit
// code; all printing happens in the command, never in library code.

#include <string>
#include <vector>

namespace samshift::cli {

int runLint(std::vector<std::string> args);
int runRules(std::vector<std::string> args);
int runRule(std::vector<std::string> args);
int runPlan(std::vector<std::string> args);
int runLsp(std::vector<std::string> args);
int runExpand(std::vector<std::string> args);

}  // namespace samshift::cli
