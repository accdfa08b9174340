#pragma once
// SARIF 2.1.0 (the format GitHub code scanning and most CI dashboards import): one run whose
// tool.driver lists the rules that ran, and one result per finding with a physical location
// (1-based lines, columns in code points, end column exclusive) relative to the working
// directory; notes become relatedLocations.

#include <ostream>
#include <string>
#include <vector>

#include "core/rule_info.h"
#include "report/file_report.h"

namespace samshift::report {

struct SarifOptions {
  std::string toolName = "samshift";
  std::string toolVersion;
  std::string informationUri;
  std::string helpUriBase;       // a rule's helpUri is this followed by its code
  std::string workingDirectory;  // absolute; artifact URIs are relative to it
};

void writeSarif(std::ostream& out, const std::vector<FileReport>& files,
                const std::vector<const core::RuleInfo*>& rules, const SarifOptions& options);

// A relative path as a URI reference: every byte outside RFC 3986's unreserved set and '/' is
// percent-encoded.
std::string uriReference(std::string_view path);

// The text of one "## Heading" section of a rule's doc, without the heading.
std::string docSection(std::string_view doc, std::string_view heading);

}  // namespace samshift::report
