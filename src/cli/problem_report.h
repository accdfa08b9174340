#pragma once
// How expand and plan report what stops them, as lint reports findings: core::Diagnostics
// rendered by src/report in the format `--error-format` names. A template that does not load
// gives its T001 findings; SAM's rejections are each the finding of the rule that owns the SAM
// problem code (the rule lint reports it with), with SAM's own message; what samshift cannot do
// yet is X003. Text, the default, goes to standard error beside the command's other messages,
// ending with SAM's overall message as the transform prints it; the other formats go to standard
// output, where CI reads them (the command writes no template or plan then).

#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "expand/expander.h"
#include "model/document.h"

namespace samshift::cli {

class ProblemReport {
 public:
  // `command` names the command in messages ("expand"); `format` is one of
  // report::reportFormatNames().
  ProblemReport(std::string command, std::string format)
      : command_(std::move(command)), format_(std::move(format)) {}

  // A document that did not load: its T001 findings. Returns the exit status (2).
  int loadFailure(const model::Document& document) const;
  // A document whose top level is not a mapping: its T003 finding. Returns 2.
  int notATemplate(const model::Document& document) const;
  // SAM rejects the template: one finding per cause. Returns 1.
  int rejected(const model::Document& document,
               const std::vector<expand::ExpandError>& errors) const;
  // samshift cannot do `what` yet (X003). In text, said as `samshift COMMAND: PATH: LEAD WHAT`.
  // Returns 2.
  int notSupported(const model::Document& document, const std::string& what,
                   std::string_view textLead = "not supported yet: ") const;

 private:
  // The findings lint's rule `code` gives the document, as an input problem (exit 2).
  int lintFindings(const model::Document& document, std::string code) const;
  // Writes `findings` of `document` in the chosen format; the text trailer follows them in text.
  // Returns `status`, or 2 when the report could not be written.
  int emit(const model::Document& document, std::vector<core::Diagnostic> findings,
           std::string_view textTrailer, int status) const;

  std::string command_;
  std::string format_;
};

}  // namespace samshift::cli
