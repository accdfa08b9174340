#include "sam/managed_policies.h"

#include <algorithm>
#include <map>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "sam/embedded_data.h"

namespace samshift::sam {

namespace {

// Name → ARN of one partition, in the file's order.
using PolicyList = std::vector<std::pair<std::string_view, std::string_view>>;

// SAM's map is an object of partitions, each an object of name → ARN strings without escapes. It
// is read by a scan for its quotes rather than by a JSON parser: every name and ARN is a view of
// the embedded text (nothing is copied), and reading all 3,605 costs 0.74M instructions where
// RapidJSON's DOM and a hash map of copies took 12.9M, in every process that names a managed
// policy. A test checks that this reading and a JSON parser agree on every entry. Text of any
// other shape leaves the map empty.
class MapScanner {
 public:
  explicit MapScanner(std::string_view text) : text_(text) {}

  // Partition → its policies; nullopt when the text is not of that shape.
  std::optional<std::map<std::string_view, PolicyList, std::less<>>> read() {
    std::map<std::string_view, PolicyList, std::less<>> partitions;
    // No escapes anywhere: every string is the text between two quotes.
    if (text_.find('\\') != std::string_view::npos || !expect('{')) return std::nullopt;
    while (!peek('}')) {
      auto partition = string();
      if (!partition || !expect(':') || !expect('{')) return std::nullopt;
      PolicyList& policies = partitions[*partition];
      while (!peek('}')) {
        auto name = string();
        std::optional<std::string_view> arn = name && expect(':') ? string() : std::nullopt;
        if (!arn) return std::nullopt;
        policies.emplace_back(*name, *arn);
        if (!peek('}') && !expect(',')) return std::nullopt;
      }
      expect('}');
      if (!peek('}') && !expect(',')) return std::nullopt;
    }
    return partitions;
  }

 private:
  void skipSpace() {
    while (at_ < text_.size() &&
           (text_[at_] == ' ' || text_[at_] == '\n' || text_[at_] == '\r' || text_[at_] == '\t'))
      ++at_;
  }
  bool peek(char c) {
    skipSpace();
    return at_ < text_.size() && text_[at_] == c;
  }
  bool expect(char c) {
    if (!peek(c)) return false;
    ++at_;
    return true;
  }
  std::optional<std::string_view> string() {
    if (!expect('"')) return std::nullopt;
    size_t close = text_.find('"', at_);
    if (close == std::string_view::npos) return std::nullopt;
    std::string_view value = text_.substr(at_, close - at_);
    at_ = close + 1;
    return value;
  }

  std::string_view text_;
  size_t at_ = 0;
};

struct KnownGrants {
  std::string_view name;
  std::vector<std::string_view> actions;  // allowed on "*"; empty: none the rules ask about
};

const std::vector<KnownGrants>& knownGrants() {
  static const std::vector<KnownGrants> kKnown = {
      {"AdministratorAccess", {"*"}},
      // CodeDeploy's service-role policies for Lambda (their invoke is limited to
      // CodeDeployHook_*, which rule H001 checks).
      {"AWSCodeDeployRoleForLambda",
       {"cloudwatch:DescribeAlarms", "lambda:UpdateAlias", "lambda:GetAlias",
        "lambda:GetProvisionedConcurrencyConfig", "sns:Publish", "s3:GetObject",
        "s3:GetObjectVersion", "lambda:InvokeFunction"}},
      {"AWSCodeDeployRoleForLambdaLimited",
       {"cloudwatch:DescribeAlarms", "lambda:UpdateAlias", "lambda:GetAlias",
        "lambda:GetProvisionedConcurrencyConfig", "sns:Publish", "lambda:InvokeFunction"}},
      {"PowerUserAccess", {"*"}},
      {"AWSCodeDeployFullAccess", {"codedeploy:*"}},
      {"AWSCodeDeployDeployerAccess", {"codedeploy:*"}},
      {"AWSLambda_FullAccess", {"lambda:*"}},
      {"AWSLambdaFullAccess", {"lambda:*"}},
      {"AWSLambdaRole", {"lambda:InvokeFunction"}},
      {"AWSLambdaBasicExecutionRole", {}},
      {"AWSLambdaVPCAccessExecutionRole", {}},
      {"AWSXRayDaemonWriteAccess", {}},
      {"AWSXrayWriteOnlyAccess", {}},
      {"CloudWatchLambdaInsightsExecutionRolePolicy", {}},
      {"AmazonS3ReadOnlyAccess", {}},
      {"AmazonDynamoDBReadOnlyAccess", {}},
      {"AWSLambdaExecute", {}},
  };
  return kKnown;
}

using Partitions = std::map<std::string_view, PolicyList, std::less<>>;

const Partitions& bundledPartitions() {
  static const Partitions kPartitions =
      MapScanner(embeddedSamData("aws_managed_policies")).read().value_or(Partitions{});
  return kPartitions;
}

}  // namespace

std::optional<std::string_view> bundledManagedPolicyArn(std::string_view partition,
                                                        std::string_view name) {
  const Partitions& partitions = bundledPartitions();
  auto policies = partitions.find(partition);
  if (policies == partitions.end()) return std::nullopt;
  // A linear search: about 10K instructions for a partition's 1,200 names, far less than sorting
  // the four partitions once (3.5M) for the few names a template has.
  auto found = std::find_if(policies->second.begin(), policies->second.end(),
                            [&](const auto& entry) { return entry.first == name; });
  if (found == policies->second.end()) return std::nullopt;
  return found->second;
}

std::optional<std::string> managedPolicyArnOfName(std::string_view partition,
                                                  std::string_view name) {
  if (auto arn = bundledManagedPolicyArn(partition, name)) return std::string(*arn);
  if (name.starts_with("arn:")) return std::string(name);
  // IAM lists the AWS managed policies the bundled map was made from: a name it lacks stays.
  if (bundledPartitions().count(partition) != 0) return std::string(name);
  return std::nullopt;
}

std::optional<std::vector<std::string_view>> managedPolicyGrants(std::string_view name) {
  for (const KnownGrants& known : knownGrants()) {
    if (known.name == name) return known.actions;
  }
  return std::nullopt;
}

}  // namespace samshift::sam
