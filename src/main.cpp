// motcua: wiring only. Reads configuration, opens the store, registers routes, runs a command.
#include <fmt/format.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>
#include <unistd.h>
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include <boost/json.hpp>

#include "app/config.hpp"
#include "app/files.hpp"
#include "demo/demo.hpp"
#include "demo/demo_accounts.hpp"
#include "demo/living_office.hpp"
#include "domain/audit.hpp"
#include "domain/desks.hpp"
#include "domain/password_policy.hpp"
#include "domain/reference_import.hpp"
#include "http/server.hpp"
#include "http/static_files.hpp"
#include "notify/notifier.hpp"
#include "portal/web_app.hpp"
#include "security/hash_pool.hpp"
#include "service/api_tokens.hpp"
#include "service/back_office.hpp"
#include "service/calendar_cli.hpp"
#include "service/deadline_sweeper.hpp"
#include "service/dossiers.hpp"
#include "service/file_store.hpp"
#include "service/outbox.hpp"
#include "service/work_calendars.hpp"
#include "service/workflows.hpp"
#include "store/account_store.hpp"
#include "store/audit_store.hpp"
#include "store/catalogue_store.hpp"
#include "store/migrations.hpp"

namespace {

using motcua::app::Config;

constexpr int kExitUsage = 2;
constexpr int kExitInvalidData = 3;
constexpr int kExitAuditBroken = 1;
//! How often a running server chains the journal rows appended since the last round.
constexpr std::chrono::milliseconds kAuditSealInterval{250};

void SetupLogging(const Config& config) {
  auto err = spdlog::stderr_logger_mt("motcua");
  spdlog::set_default_logger(err);
  spdlog::set_level(spdlog::level::from_str(config.log_level));
  auto access = spdlog::stdout_logger_mt("access");
  access->set_pattern("%v");
  access->set_level(spdlog::level::info);
}

motcua::security::Argon2Params Argon2(const Config& config) {
  motcua::security::Argon2Params p;
  p.memory_kib = static_cast<uint64_t>(config.security.argon2_memory_kib);
  p.iterations = static_cast<uint64_t>(config.security.argon2_iterations);
  return p;
}

//! Opens the database and applies pending migrations; `serve` passes allow_long = false, so that it never starts a
//! long migration (it exits naming `motcua migrate`).
std::unique_ptr<motcua::store::Database> OpenAndMigrate(const Config& config, bool allow_long = true) {
  auto db = motcua::store::OpenDatabase(config.db);
  // The refusal names the database as the operator typed it (a PostgreSQL URL without its password).
  const std::string named = motcua::store::IsPostgresUrl(config.db) ? db->Describe() : config.db;
  const auto report = motcua::store::Migrate(*db, {.allow_long = allow_long, .database_for_messages = named});
  for (const std::string& name : report.applied) {
    spdlog::info("migration applied: {}", name);
  }
  return db;
}

int RunInit(Config& config, bool demo, const motcua::domain::Clock& clock) {
  auto db = OpenAndMigrate(config);
  bool empty = true;
  db->Read([&](motcua::store::Session& s) { empty = s.Query("SELECT 1 FROM procedures LIMIT 1").empty(); });
  if (demo && !empty) {
    std::cout << "Cơ sở dữ liệu " << db->Describe() << " đã có danh mục thủ tục; không nạp lại tỉnh mẫu.\n";
  }
  if (demo && empty) {
    const auto r = motcua::demo::LoadDemo(*db, config.share_dir);
    std::cout << fmt::format(
        "Đã nạp tỉnh mẫu Nam Định: {} đơn vị hành chính, {} liên kết sáp nhập, {} cơ quan, {} thủ tục "
        "({} có hướng dẫn chi tiết).\n",
        r.units, r.links, r.agencies, r.procedures, r.detailed);
  }
  const motcua::security::Argon2Params argon2 = Argon2(config);
  if (demo) {
    const auto accounts = motcua::demo::ReadDemoAccounts(config.share_dir);
    const int64_t created = motcua::demo::CreateDemoAccounts(*db, clock, accounts, argon2);
    db->Write([](motcua::store::Session& s) { motcua::store::SetDemoMode(s); });
    std::cout << (created > 0 ? fmt::format("Đã tạo {} tài khoản mẫu", created)
                              : std::string("Các tài khoản mẫu đã có"))
              << fmt::format(", mật khẩu chung \"{}\" (xem docs/demo.md).\n", motcua::demo::kDemoPassword);
  }
  const std::string admin_password = motcua::demo::CreateSystemAdmin(*db, clock, argon2);
  if (!admin_password.empty()) {
    std::cout << fmt::format(
        "Quản trị hệ thống: đăng nhập \"{}\", mật khẩu \"{}\". Mật khẩu chỉ hiện một lần: hãy ghi lại và đổi sau "
        "lần đăng nhập đầu tiên.\n",
        motcua::demo::kAdminLogin, admin_password);
  }
  {
    // The forms of data/forms/ (one <procedure code>.json each) become version 1 where a procedure has none yet.
    motcua::service::CatalogueHolder catalogue(*db, config.catalogue_poll_ms);
    motcua::service::FormLibrary forms(*db, clock, catalogue);
    const int32_t seeded = forms.Seed(config.share_dir + "/data/forms");
    if (seeded > 0) {
      std::cout << fmt::format("Đã đăng {} biểu mẫu nộp hồ sơ trực tuyến.\n", seeded);
    }
    if (demo) {
      const auto office = motcua::demo::CreateLivingOffice(*db, catalogue, clock, config.data_dir, config.public_url);
      if (office.dossiers > 0) {
        std::cout << fmt::format("Văn phòng mẫu: {} hồ sơ đang giải quyết ở mọi trạng thái, {} thao tác.\n",
                                 office.dossiers, office.actions);
      }
      for (const std::string& warning : office.warnings) {
        std::cerr << "văn phòng mẫu: " << warning << "\n";
      }
    }
  }
  motcua::store::SealAudit(*db);
  std::cout << "Cơ sở dữ liệu sẵn sàng: " << db->Describe() << "\n";
  db->Close();
  return 0;
}

int RunMigrate(Config& config) {
  auto db = motcua::store::OpenDatabase(config.db);
  const auto report = motcua::store::Migrate(*db);
  std::cout << fmt::format("schema version {} → {} ({} applied)\n", report.from_version, report.to_version,
                           report.applied.size());
  db->Close();
  return 0;
}

//! `motcua audit verify`: checks the whole hash chain; exits kExitAuditBroken naming the first broken row.
//! Rows appended since the seal (by a running server) are unsealed: counted, not checked. With `--head H` (what
//! `audit head` printed earlier) the chain must still reach H's row with H's hash.
int RunAuditVerify(Config& config, const std::string& head_text) {
  std::optional<motcua::domain::AuditHead> published;
  if (!head_text.empty()) {
    published = motcua::domain::ParseAuditHead(head_text);
    if (!published) {
      std::cerr << "--head: expected seq:hash as 'motcua audit head' prints it (e.g. 42:9f86d0…, 64 hex digits)\n";
      return kExitUsage;
    }
  }
  auto db = OpenAndMigrate(config);
  motcua::store::SealAudit(*db);
  const motcua::store::AuditVerification v = motcua::store::VerifyAudit(*db, published);
  db->Close();
  if (!v.intact) {
    std::cerr << fmt::format("audit journal broken after {} intact rows: {}\n", v.rows, v.problem);
    return kExitAuditBroken;
  }
  std::cout << fmt::format("audit journal intact: {} rows", v.rows)
            << (v.unsealed > 0 ? fmt::format(" ({} newer rows not sealed yet)", v.unsealed) : std::string())
            << (published ? fmt::format(", published head {} still in the chain", published->seq) : std::string())
            << "\n";
  return 0;
}

//! `motcua audit head`: seals, checks the whole chain, and prints its head as one line "seq:hash" to publish;
//! `audit verify --head` takes that line back. A broken chain has no head to publish (kExitAuditBroken).
int RunAuditHead(Config& config) {
  auto db = OpenAndMigrate(config);
  motcua::store::SealAudit(*db);
  const motcua::store::AuditVerification v = motcua::store::VerifyAudit(*db);
  db->Close();
  if (!v.intact) {
    std::cerr << fmt::format("audit journal broken after {} intact rows: {}; no head printed\n", v.rows, v.problem);
    return kExitAuditBroken;
  }
  std::cout << v.head.Text() << "\n";
  return 0;
}

//! `motcua audit seal`: chains every committed unsealed row (what the sealer of a running server does).
int RunAuditSeal(Config& config) {
  auto db = OpenAndMigrate(config);
  const int64_t sealed = motcua::store::SealAudit(*db);
  db->Close();
  std::cout << fmt::format("audit journal: {} rows sealed\n", sealed);
  return 0;
}

//! `motcua token create`: prints a new API token for the account `login` (any account, citizens included); exit 1
//! naming the problem when there is no such account or the name is refused.
int RunTokenCreate(Config& config, const motcua::domain::Clock& clock, const std::string& login,
                   const std::string& name) {
  auto db = OpenAndMigrate(config);
  motcua::service::ApiTokens tokens(*db, clock);
  const auto created = tokens.CreateForLogin(login, name);
  motcua::store::SealAudit(*db);
  db->Close();
  if (!created.ok()) {
    if (created.kind() == motcua::domain::ErrorKind::kNotFound) {
      std::cerr << fmt::format(
          "token create: no account signs in as \"{}\" (an ID number, a mobile number or a "
          "login name)\n",
          login);
    } else {
      std::cerr << "token create: --name must be 2 to 100 characters saying what the token is for\n";
    }
    return 1;
  }
  std::cout << created.value().token << "\n";
  return 0;
}

//! Prints a progress bar on stderr when it is a terminal.
void Progress(int64_t done, int64_t total) {
  if (isatty(STDERR_FILENO) == 0 || total == 0) {
    return;
  }
  constexpr int64_t kWidth = 40;
  const int64_t filled = done * kWidth / total;
  std::fprintf(stderr, "\r[%s%s] %3ld%%", std::string(static_cast<size_t>(filled), '#').c_str(),
               std::string(static_cast<size_t>(kWidth - filled), ' ').c_str(), static_cast<long>(done * 100 / total));
  if (done == total) {
    std::fprintf(stderr, "\n");
  }
}

template <typename Import>
bool ReportRejected(const Import& import, const std::string& file, bool skip_invalid) {
  if (import.errors.empty()) {
    return false;
  }
  std::cerr << fmt::format("{}: {} dòng bị từ chối:\n", file, import.errors.size());
  auto errors = import.errors;
  std::stable_sort(errors.begin(), errors.end(), [](const auto& a, const auto& b) { return a.line < b.line; });
  for (const auto& e : errors) {
    std::cerr << fmt::format("  dòng {}: {}\n", e.line, e.reason);
  }
  if (!skip_invalid) {
    std::cerr << "Không nhập dòng nào (sửa các dòng trên, hoặc dùng --skip-invalid để chỉ nhập các dòng hợp lệ).\n";
    return true;
  }
  return false;
}

int RunImport(Config& config, const std::string& kind, const std::string& file, bool skip_invalid) {
  const std::string text = motcua::app::ReadWholeFile(file);
  auto db = OpenAndMigrate(config);
  motcua::store::UpsertCounts counts;
  if (kind == "procedures") {
    const auto import = motcua::domain::ReadProcedures(text);
    if (ReportRejected(import, file, skip_invalid)) {
      return kExitInvalidData;
    }
    db->Write([&](motcua::store::Session& s) { counts = motcua::store::UpsertProcedures(s, import, Progress); });
  } else if (kind == "units") {
    const auto import = motcua::domain::ReadAdminUnits(text);
    if (ReportRejected(import, file, skip_invalid)) {
      return kExitInvalidData;
    }
    db->Write([&](motcua::store::Session& s) { counts = motcua::store::UpsertAdminUnits(s, import.units, Progress); });
  } else if (kind == "unit-mapping") {
    const auto import = motcua::domain::ReadAdminUnitMapping(text);
    if (ReportRejected(import, file, skip_invalid)) {
      return kExitInvalidData;
    }
    db->Write(
        [&](motcua::store::Session& s) { counts = motcua::store::UpsertAdminUnitLinks(s, import.links, Progress); });
  } else if (kind == "desks") {
    const auto import = motcua::domain::ReadDesks(text);
    if (ReportRejected(import, file, skip_invalid)) {
      return kExitInvalidData;
    }
    db->Write([&](motcua::store::Session& s) { counts = motcua::store::ReplaceDesks(s, import.desks); });
  } else {
    std::cerr << "unknown import kind " << kind << " (procedures, units, unit-mapping, desks)\n";
    return kExitUsage;
  }
  std::cout << fmt::format("{}: {} dòng mới, {} dòng cập nhật.\n", file, counts.added, counts.updated);
  db->Close();
  return 0;
}

//! Everything a running server holds, in dependency order.
struct Services {
  //! Services that read "now" from `c`.
  explicit Services(const motcua::domain::Clock& c) : clock(c) {}
  const motcua::domain::Clock& clock;
  std::unique_ptr<motcua::store::Database> db;
  std::unique_ptr<motcua::service::CatalogueHolder> catalogue;
  std::unique_ptr<motcua::web::Translator> translator;
  std::unique_ptr<motcua::web::Templates> templates;
  std::unique_ptr<motcua::http::StaticFiles> assets;
  std::unique_ptr<motcua::security::HashPool> hashes;
  std::unique_ptr<motcua::domain::PasswordPolicy> passwords;
  std::unique_ptr<motcua::notify::DevNotifier> notifier;
  std::unique_ptr<motcua::service::OutboxSender> sender;
  std::unique_ptr<motcua::service::Sessions> sessions;
  std::unique_ptr<motcua::access::Authenticator> auth;
  std::unique_ptr<motcua::service::Accounts> accounts;
  std::unique_ptr<motcua::service::FormLibrary> forms;
  std::unique_ptr<motcua::service::FileStore> files;
  std::unique_ptr<motcua::service::Dossiers> dossiers;
  std::unique_ptr<motcua::service::WorkCalendars> calendars;
  std::unique_ptr<motcua::service::Workflows> workflows;
  std::unique_ptr<motcua::service::BackOffice> office;
  std::unique_ptr<motcua::portal::WebApp> app;
};

Services BuildServices(Config& config, const motcua::domain::Clock& clock) {
  Services s(clock);
  s.db = OpenAndMigrate(config, false);
  s.catalogue = std::make_unique<motcua::service::CatalogueHolder>(
      *s.db, config.catalogue_poll_ms,
      motcua::service::ReadSynonymFile(config.share_dir + "/data/reference/search-synonyms.csv"));
  s.translator = std::make_unique<motcua::web::Translator>(config.locale_dir);
  s.templates = std::make_unique<motcua::web::Templates>(config.share_dir + "/templates", *s.translator);
  s.assets = std::make_unique<motcua::http::StaticFiles>(config.share_dir + "/static", "/static/");
  const int32_t cores = static_cast<int32_t>(std::max(1U, std::thread::hardware_concurrency()));
  const int32_t hash_threads = config.security.hash_threads > 0 ? config.security.hash_threads : std::max(1, cores / 2);
  s.hashes = std::make_unique<motcua::security::HashPool>(hash_threads, config.security.hash_queue);
  s.passwords = std::make_unique<motcua::domain::PasswordPolicy>(
      motcua::app::ReadWholeFile(config.share_dir + "/data/reference/common-passwords.txt"));
  const bool demo = motcua::store::IsDemoMode(*s.db);
  s.notifier = std::make_unique<motcua::notify::DevNotifier>(*s.db, demo, s.clock);
  s.sender = std::make_unique<motcua::service::OutboxSender>(*s.db, *s.notifier, s.clock, config.outbox);
  s.sessions = std::make_unique<motcua::service::Sessions>(config, *s.db, s.clock);
  s.auth = std::make_unique<motcua::access::Authenticator>(config, *s.sessions);
  std::vector<motcua::security::VerifiedIdentity> people;
  if (demo) {
    people = motcua::demo::DemoIdentities(motcua::demo::ReadDemoAccounts(config.share_dir));
  }
  s.accounts = std::make_unique<motcua::service::Accounts>(config, *s.db, *s.sessions, *s.hashes, *s.passwords, demo,
                                                           std::move(people), s.clock);
  s.forms = std::make_unique<motcua::service::FormLibrary>(*s.db, s.clock, *s.catalogue);
  s.files = std::make_unique<motcua::service::FileStore>(config.data_dir);
  s.dossiers =
      std::make_unique<motcua::service::Dossiers>(*s.db, s.clock, *s.catalogue, *s.forms, *s.files, config.public_url);
  s.calendars = std::make_unique<motcua::service::WorkCalendars>(*s.db, s.clock, *s.catalogue);
  s.dossiers->UseCalendars(*s.calendars);
  s.workflows = std::make_unique<motcua::service::Workflows>(*s.db, s.clock, *s.catalogue);
  s.office = std::make_unique<motcua::service::BackOffice>(*s.db, s.clock, *s.catalogue, *s.dossiers, *s.forms,
                                                           *s.files, *s.calendars, *s.workflows, config.public_url);
  s.app = std::make_unique<motcua::portal::WebApp>(
      config, *s.db, *s.catalogue, *s.translator, *s.templates, *s.assets, *s.accounts, *s.auth,
      motcua::service::DossierServices{s.dossiers.get(), s.forms.get(), s.files.get(), s.calendars.get()},
      motcua::service::OfficeServices{s.office.get(), s.calendars.get(), s.workflows.get()});
  spdlog::info("{} mode, {} password-hashing threads", demo ? "demo" : "production", hash_threads);
  return s;
}

int RunServe(Config& config, const motcua::domain::Clock& clock) {
  std::filesystem::create_directories(config.data_dir);
  config.server.upload_spool_dir = config.data_dir + "/spool";  // beside <data_dir>/files: a stored upload is a rename
  Services s = BuildServices(config, clock);
  motcua::http::Server server(config.server, *s.app);
  s.app->AttachServer(&server);
  spdlog::info("store {}, {} procedures, {} static files", s.db->Describe(), s.catalogue->Get()->procedures().size(),
               s.assets->size());
  std::cout << fmt::format("motcua listening on http://{}:{}", config.server.host, server.port()) << std::endl;
  auto sealer = std::make_unique<motcua::store::AuditSealer>(*s.db, kAuditSealInterval);
  auto sweeper = std::make_unique<motcua::service::DeadlineSweeper>(
      *s.office, std::chrono::seconds(config.deadline_sweep_seconds));
  if (config.outbox.sender) {
    s.sender->Start();
  } else {
    spdlog::warn("outbox sender off (outbox.sender = false): messages wait in the outbox");
  }
  server.Run();
  s.sender->Stop();  // finishes the message in hand; the rest wait in the outbox for the next start
  sweeper.reset();
  s.app.reset();
  sealer.reset();
  s.db->Close();
  spdlog::info("stopped");
  return 0;
}

//! Prints every route with the permission it requires, as JSON (read by the authorization matrix test).
int RunRoutes(Config& config, const motcua::domain::Clock& clock) {
  Services s = BuildServices(config, clock);
  boost::json::array out;
  for (const motcua::http::Route& r : s.app->router().routes()) {
    const auto permission = s.app->routes().PermissionOf(&r);
    out.emplace_back(
        boost::json::object{{"method", r.method},
                            {"pattern", r.pattern},
                            {"permission", permission ? motcua::domain::PermissionCode(*permission) : "none"},
                            {"exec", motcua::http::ExecName(r.exec)}});
  }
  std::cout << boost::json::serialize(out) << "\n";
  s.app.reset();
  s.db->Close();
  return 0;
}

//! `calendar show` and `calendar due`: the computed calendar, or with the overrides of the database given by --db.
int RunCalendar(const Config& config, bool with_db, bool show, const std::string& year, const std::string& from,
                const std::string& working_days) {
  std::unique_ptr<motcua::store::Database> db;
  if (with_db) {
    db = OpenAndMigrate(config, false);
  }
  const motcua::domain::WorkCalendar calendar = motcua::service::LoadCalendar(db.get());
  const int code = show ? motcua::service::RunCalendarShow(calendar, year, std::cout, std::cerr)
                        : motcua::service::RunCalendarDue(calendar, from, working_days, std::cout, std::cerr);
  if (db) {
    db->Close();
  }
  return code;
}

}  // namespace

int main(int argc, char** argv) {
  Config config;
  CLI::App cli{"motcua: cổng dịch vụ công và hệ thống một cửa điện tử (online public services and one-stop office)"};
  cli.require_subcommand(1);
  cli.fallthrough();  // --config may also follow the command: motcua serve --db DB --config FILE
  std::string config_file;
  std::string db;
  std::string listen;
  cli.add_option("--config", config_file, "TOML configuration file (motcua.toml)")->check(CLI::ExistingFile);
  auto add_db = [&](CLI::App* c) {
    c->add_option("--db", db, "SQLite file path or postgresql:// URL (default var/motcua.db, env MOTCUA_DB)");
  };

  CLI::App* init = cli.add_subcommand("init", "Create or upgrade the database; --demo loads the demo province");
  add_db(init);
  bool demo = false;
  init->add_flag("--demo", demo, "Load Nam Định (before 2025) with the national procedure catalogue");

  CLI::App* serve = cli.add_subcommand("serve", "Serve the portal and back office over HTTP");
  add_db(serve);
  serve->add_option("--listen", listen, "HOST:PORT to listen on (default 127.0.0.1:8080, env MOTCUA_LISTEN)");
  int32_t threads = -1;
  int64_t header_timeout_ms = -1;
  int64_t max_body_bytes = -1;
  serve->add_option("--threads", threads, "I/O threads (0 = one per core)")->check(CLI::Range(0, 256));
  serve->add_option("--header-timeout-ms", header_timeout_ms, "Time allowed for a request header")
      ->check(CLI::Range(int64_t{100}, int64_t{3600000}));
  std::string data_dir;
  int32_t max_connections = -1;
  serve->add_option("--data-dir", data_dir,
                    "Folder for uploads and generated files, outside the web root (env MOTCUA_DATA_DIR)");
  serve->add_option("--max-connections", max_connections, "Open connections at most; more get 503")
      ->check(CLI::Range(1, 1000000));
  serve->add_option("--max-body-bytes", max_body_bytes, "Largest request body")
      ->check(CLI::Range(int64_t{1024}, int64_t{1} << 32));

  CLI::App* routes = cli.add_subcommand("routes", "List every route with the permission it requires (JSON)");
  add_db(routes);

  CLI::App* migrate = cli.add_subcommand("migrate", "Apply pending schema migrations");
  add_db(migrate);

  CLI::App* import = cli.add_subcommand("import", "Import reference data from CSV (all rows or none)");
  add_db(import);
  std::string kind;
  std::string file;
  bool skip_invalid = false;
  import
      ->add_option("kind", kind,
                   "procedures | units | unit-mapping | desks (the whole list: desks not in the file are removed)")
      ->required()
      ->check(CLI::IsMember({"procedures", "units", "unit-mapping"}));
  import->add_option("file", file, "CSV file")->required()->check(CLI::ExistingFile);
  import->add_flag("--skip-invalid", skip_invalid, "Import the valid rows even when some rows are rejected");

  CLI::App* audit = cli.add_subcommand("audit", "Check the hash-chained audit journal");
  audit->require_subcommand(1);
  CLI::App* audit_verify = audit->add_subcommand("verify", "Verify every row of the journal; exit 1 if it was altered");
  add_db(audit_verify);
  std::string audit_head_text;
  audit_verify->add_option("--head", audit_head_text,
                           "A head printed earlier by 'audit head' (seq:hash); exit 1 if rows up to it were cut away "
                           "or rewritten");
  CLI::App* audit_head = audit->add_subcommand(
      "head", "Print the chain head (seq:hash, one line) to publish; exit 1 if the chain is broken");
  add_db(audit_head);
  CLI::App* audit_seal =
      audit->add_subcommand("seal", "Chain the journal rows not sealed yet (a running server does it)");
  add_db(audit_seal);

  CLI::App* token = cli.add_subcommand("token", "API tokens");
  token->require_subcommand(1);
  CLI::App* token_create =
      token->add_subcommand("create", "Print a new API token (mct_…) acting as an account, citizens included");
  add_db(token_create);
  std::string token_login;
  std::string token_name;
  token_create->add_option("--login", token_login, "The account: ID number, mobile number or login name")->required();
  token_create->add_option("--name", token_name, "What the token is for (default \"dòng lệnh\")");

  CLI::App* calendar = cli.add_subcommand("calendar", "The working-day calendar: days off and deadlines");
  calendar->require_subcommand(1);
  CLI::App* calendar_show =
      calendar->add_subcommand("show", "Print the days off and make-up working days of a year, one a line");
  std::string calendar_year;
  calendar_show->add_option("--year", calendar_year, "The year, 1900 to 2100");
  CLI::App* calendar_due =
      calendar->add_subcommand("due", "Print the deadline of a limit in working days (default office hours)");
  std::string calendar_from;
  std::string calendar_days;
  calendar_due->add_option("--from", calendar_from, "Receipt time \"YYYY-MM-DD HH:MM\" (Vietnam time)");
  calendar_due->add_option("--working-days", calendar_days, "The limit, in working days");
  for (CLI::App* c : {calendar_show, calendar_due}) {
    c->add_option("--db", db, "Apply the overrides stored in this database (default: the computed calendar)");
  }

  CLI11_PARSE(cli, argc, argv);

  if (!config_file.empty()) {
    if (auto err = motcua::app::LoadConfigFile(config_file, config)) {
      std::cerr << "config: " << err->message << "\n";
      return kExitUsage;
    }
  }
  // Read before any thread starts, so getenv cannot race with a setenv.
  if (auto err =
          motcua::app::ApplyEnvironment([](const char* n) { return std::getenv(n); },  // NOLINT(concurrency-mt-unsafe)
                                        config)) {
    std::cerr << "environment: " << err->message << "\n";
    return kExitUsage;
  }
  if (!db.empty()) {
    config.db = db;
  }
  if (!listen.empty()) {
    if (auto err = motcua::app::ApplyListen(listen, config)) {
      std::cerr << "--listen: " << err->message << "\n";
      return kExitUsage;
    }
  }
  if (threads >= 0) {
    config.server.threads = threads;
  }
  if (header_timeout_ms > 0) {
    config.server.header_timeout = std::chrono::milliseconds(header_timeout_ms);
  }
  if (!data_dir.empty()) {
    config.data_dir = data_dir;
  }
  if (max_connections > 0) {
    config.server.max_connections = max_connections;
  }
  if (max_body_bytes > 0) {
    config.server.max_body_bytes = static_cast<uint64_t>(max_body_bytes);
  }
  motcua::app::ResolvePaths(config);
  SetupLogging(config);
  // The one clock of the process: every "now" below comes from it.
  const motcua::domain::SystemClock clock;
  try {
    if (init->parsed()) {
      return RunInit(config, demo, clock);
    }
    if (serve->parsed()) {
      return RunServe(config, clock);
    }
    if (routes->parsed()) {
      return RunRoutes(config, clock);
    }
    if (migrate->parsed()) {
      return RunMigrate(config);
    }
    if (import->parsed()) {
      return RunImport(config, kind, file, skip_invalid);
    }
    if (audit_verify->parsed()) {
      return RunAuditVerify(config, audit_head_text);
    }
    if (audit_head->parsed()) {
      return RunAuditHead(config);
    }
    if (audit_seal->parsed()) {
      return RunAuditSeal(config);
    }
    if (calendar_show->parsed() || calendar_due->parsed()) {
      return RunCalendar(config, !db.empty(), calendar_show->parsed(), calendar_year, calendar_from, calendar_days);
    }
    if (token_create->parsed()) {
      return RunTokenCreate(config, clock, token_login, token_name);
    }
  } catch (const std::exception& e) {
    spdlog::error("{}", e.what());
    std::cerr << "motcua: " << e.what() << "\n";
    return 1;
  }
  return kExitUsage;
}
