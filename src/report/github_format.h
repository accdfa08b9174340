#pragma once
// GitHub Actions workflow commands, which the runner turns into annotations on the pull request:
// `::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=CODE::message`, `::warning` for
// warnings and `::notice` for infos. Paths are relative to the working directory (the checkout).

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "report/file_report.h"

namespace samshift::report {

void writeGithub(std::ostream& out, const std::vector<FileReport>& files,
                 const std::string& workingDirectory);

// The runner's escaping: in the message, % CR LF become %25 %0D %0A; in a property value,
// also : and , (%3A, %2C), which would otherwise end the property.
std::string githubEscapeData(std::string_view text);
std::string githubEscapeProperty(std::string_view text);

}  // namespace samshift::report
