using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Routing.Engine.Access;
using Routing.Engine.Complaints;
using Routing.Engine.Effectiveness;
using Routing.Engine.Exposure;
using Routing.Engine.History;
using Routing.Engine.Intake;
using Routing.Engine.Metrics;
using Routing.Engine.Notifications;
using Routing.Engine.Patterns;
using Routing.Engine.Reports;
using Routing.Engine.Rulesets;
using Routing.Engine.Timers;
using Routing.Engine.WorkItems;

namespace Routing.Engine.Store;

/// The one model behind both providers. Each provider has a subclass that owns its migrations.
internal abstract class RoutingDb(DbContextOptions options) : DbContext(options)
{
    public DbSet<Report> Reports => Set<Report>();
    public DbSet<WorkItem> WorkItems => Set<WorkItem>();
    /// A work item's due time in the inbox's order, kept by the database (null once the item is final).
    public const string InboxDueAt = nameof(InboxDueAt);
    public DbSet<HistoryEvent> History => Set<HistoryEvent>();
    public DbSet<RulesetVersion> Rulesets => Set<RulesetVersion>();
    public DbSet<RulesetPublication> Publications => Set<RulesetPublication>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<WorkItemTimer> Timers => Set<WorkItemTimer>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<ConsoleSession> Sessions => Set<ConsoleSession>();
    public DbSet<Complaint> Complaints => Set<Complaint>();
    public DbSet<MonthlySales> Exposure => Set<MonthlySales>();
    public DbSet<PatternCandidate> Patterns => Set<PatternCandidate>();
    public DbSet<ItemEffectiveness> Effectiveness => Set<ItemEffectiveness>();
    public DbSet<WorkItemRule> WorkItemRules => Set<WorkItemRule>();
    public DbSet<MetricPeriod> MetricPeriods => Set<MetricPeriod>();
    public DbSet<WorkItemTally> WorkItemTallies => Set<WorkItemTally>();
    public DbSet<ComplaintTally> ComplaintTallies => Set<ComplaintTally>();

    /// The entities of a type this context tracks (DbSet.Local), without the scan of every tracked
    /// entity for changes that DbSet.Local makes each time it is read: a timer batch that moves 100
    /// items read it once a move, and the scans took half the batch's CPU. What is tracked is
    /// current whether or not the scan ran; the scan only finds what SaveChanges will write.
    public List<T> Tracked<T>() where T : class
    {
        var detect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return [.. Set<T>().Local];
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // SQLite cannot compare or order DateTimeOffset text; as UTC ticks it can.
        if (Database.IsSqlite())
            builder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }

    /// A copy the database keeps in step with where it comes from (MetricsTriggers): never written from here.
    static void KeptByTheDatabase(PropertyBuilder property)
    {
        property.Metadata.SetBeforeSaveBehavior(PropertySaveBehavior.Ignore);
        property.Metadata.SetAfterSaveBehavior(PropertySaveBehavior.Ignore);
    }

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<Report>(e =>
        {
            e.ToTable("reports");
            e.HasKey(r => r.Id);
            e.HasIndex(r => new { r.PatternKey, r.ReceivedAt });
            // The CSMs' account reads the reports of a range from this index alone.
            e.HasIndex(r => r.ReceivedAt).IncludeProperties(r => new { r.SubmittedBy, r.FixedAt, r.VerifiedEffective });
            KeptByTheDatabase(e.Property(r => r.VerifiedEffective));
            // A candidate becomes one report, however many CSMs submit it at once.
            e.HasIndex(r => r.PatternId).IsUnique();
            e.Property(r => r.SubmittedBy).HasMaxLength(200);
            // Each CSM's reports of a range, with their outcome, from this index alone (CsmAccount).
            e.HasIndex(r => new { r.SubmittedBy, r.ReceivedAt }).IncludeProperties(r => new { r.FixedAt, r.VerifiedEffective });
        });
        model.Entity<WorkItem>(e =>
        {
            e.ToTable("work_items");
            e.HasKey(w => w.Id);
            e.Property(w => w.State).HasMaxLength(64);
            e.Property(w => w.Stage).HasConversion<string>().HasMaxLength(20);
            e.Property(w => w.Lifecycle).HasMaxLength(100);
            e.Property(w => w.Version).IsConcurrencyToken();
            e.HasIndex(w => new { w.Department, w.State, w.CreatedAt });
            // The inbox: open items by stage, finished ones a page at a time in the order it lists them. With the due
            // times, the Overview counts the open and overdue items from the index alone (PostgreSQL).
            e.HasIndex(w => new { w.Department, w.Stage, w.Priority, w.CreatedAt, w.Id }).IncludeProperties(w => new { w.AckDueAt, w.ResolveDueAt });
            // The open items in the inbox's order, so a page reads its rows off the index rather than sorting every open
            // item of the department (thousands in a store that has run for years): the due time of the item's stage,
            // last while it waits, none once it is final. SQLite keeps times as binary (ConfigureConventions): there "last" is
            // DateTimeOffset.MaxValue as DateTimeOffsetToBinaryConverter writes it, so that a tracked item reads it back.
            var inboxDueAt = Database.IsSqlite()
                ? """CASE "Stage" WHEN 'Final' THEN NULL WHEN 'Acknowledgement' THEN "AckDueAt" WHEN 'Resolution' THEN "ResolveDueAt" ELSE 6462216142847997952 END"""
                : """CASE "Stage" WHEN 'Final' THEN NULL WHEN 'Acknowledgement' THEN "AckDueAt" WHEN 'Resolution' THEN "ResolveDueAt" ELSE '9999-12-31 23:59:59+00'::timestamptz END""";
            // Never read back after a save (nothing here reads it but the inbox's query).
            KeptByTheDatabase(e.Property<DateTimeOffset?>(InboxDueAt).HasComputedColumnSql(inboxDueAt, stored: !Database.IsSqlite()).ValueGeneratedNever());
            e.HasIndex(nameof(WorkItem.Department), nameof(WorkItem.Priority), InboxDueAt, nameof(WorkItem.CreatedAt), nameof(WorkItem.Id))
                .HasDatabaseName("IX_work_items_inbox").HasFilter($"\"{InboxDueAt}\" IS NOT NULL");
            e.HasIndex(w => w.ReportId);
            // Accountability: each figure is counted over the moment its fact was recorded.
            e.HasIndex(w => new { w.Department, w.CreatedAt });
            e.HasIndex(w => new { w.Department, w.AcknowledgedAt, w.AckTookSeconds, w.AckMet });
            e.HasIndex(w => new { w.Department, w.FirstResolvedAt, w.ResolveTookSeconds, w.ResolveMet });
            e.HasIndex(w => new { w.Department, w.HandedBackAt });
            // Where the reports of a range went, for the CSMs' account.
            e.HasIndex(w => new { w.ReportReceivedAt, w.ReportSubmittedBy, w.Department });
            KeptByTheDatabase(e.Property(w => w.ReportReceivedAt));
            KeptByTheDatabase(e.Property(w => w.ReportSubmittedBy).HasMaxLength(200));
            // Items recorded before the facts existed, until the backfill has done them.
            e.HasIndex(w => w.MetricsVersion).HasFilter("\"MetricsVersion\" = 0");
        });
        model.Entity<WorkItemTally>(e =>
        {
            e.ToTable("work_item_tallies");
            e.HasKey(t => t.Id);
            e.Property(t => t.Stage).HasConversion<string>().HasMaxLength(20);
            e.Property(t => t.State).HasMaxLength(64);
            // An inbox's totals from this index alone.
            e.HasIndex(t => new { t.Department, t.State, t.Stage, t.Items });
        });
        model.Entity<WorkItemRule>(e =>
        {
            e.ToTable("work_item_rules");
            e.HasKey(r => new { r.WorkItemId, r.Rule });
            e.Property(r => r.Rule).HasMaxLength(200);
            // Rule quality reads the rows from this index alone: on PostgreSQL each rule's rows of the range in
            // turn (RuleQuality), on SQLite the range in order of time.
            var quality = Database.IsNpgsql() ? e.HasIndex(r => new { r.RulesetVersion, r.Rule, r.CreatedAt }) : e.HasIndex(r => new { r.CreatedAt, r.RulesetVersion, r.Rule });
            quality.IncludeProperties(r => new { r.Department, r.HandedBack, r.Resolved, r.ResolveTookSeconds, r.Verified, r.Reopened });
            foreach (var outcome in (string[])[nameof(WorkItemRule.HandedBack), nameof(WorkItemRule.Resolved), nameof(WorkItemRule.ResolveTookSeconds),
                         nameof(WorkItemRule.Verified), nameof(WorkItemRule.Reopened)])
                KeptByTheDatabase(e.Property(outcome));
        });
        model.Entity<MetricPeriod>(e =>
        {
            e.ToTable("metric_periods");
            e.HasKey(p => new { p.Department, p.Interval, p.Start });
            e.Property(p => p.Interval).HasMaxLength(10);
        });
        model.Entity<HistoryEvent>(e =>
        {
            e.ToTable("history");
            e.HasKey(h => h.Sequence);
            e.Property(h => h.Sequence).ValueGeneratedOnAdd();
            e.HasIndex(h => h.ChainIndex).IsUnique();
            // The sealer reads the unsealed events in order. Without this PostgreSQL walked the key from the
            // first event, past every sealed one: 325 ms a batch at 1.2M events, so sealing slowed as the chain grew.
            e.HasIndex(h => h.Sequence, "IX_history_unsealed").HasFilter("\"ChainIndex\" IS NULL");
            e.HasIndex(h => new { h.ReportId, h.Sequence });
            e.HasIndex(h => new { h.WorkItemId, h.Sequence });
            e.HasIndex(h => new { h.Department, h.Sequence });
            e.HasIndex(h => h.At);
            // Escalations and reopenings by department and time, for accountability: two kinds only, so appending
            // other events does not pay for it. The kind is carried, not a key: the filter already says it, so
            // PostgreSQL would not seek on it and a key before the time would make it read every period's rows.
            e.HasIndex(h => new { h.Department, h.At }, "IX_history_metrics").IncludeProperties(h => h.Kind)
                .HasFilter("\"Kind\" IN ('work-item.escalated', 'work-item.reopened')");
        });
        model.Entity<WorkItemTimer>(e =>
        {
            e.ToTable("timers");
            e.HasKey(t => t.Id);
            e.Property(t => t.Step).HasMaxLength(100);
            // Firing claims a timer by writing Fired over Pending: the write fails if it is no longer Pending.
            e.Property(t => t.Status).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
            e.HasIndex(t => new { t.Status, t.DueAt });
            e.HasIndex(t => t.WorkItemId);
        });
        model.Entity<Notification>(e =>
        {
            e.ToTable("notifications");
            e.HasKey(n => n.Id);
            e.Property(n => n.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(n => n.Role).HasMaxLength(20).HasDefaultValue(RecipientRoles.Owner);
            e.Property(n => n.Channel).HasMaxLength(20);
            e.Property(n => n.To).HasMaxLength(EmailAddress.MaxLength);
            e.HasIndex(n => new { n.Status, n.NextAttemptAt });
        });
        model.Entity<RulesetVersion>(e =>
        {
            e.ToTable("ruleset_versions");
            e.HasKey(r => r.Version);
            e.Property(r => r.Version).ValueGeneratedNever();
        });
        model.Entity<ApiKey>(e =>
        {
            e.ToTable("api_keys");
            e.HasKey(k => k.Id);
            e.HasIndex(k => k.Hash).IsUnique();
            e.Property(k => k.Email).HasMaxLength(EmailAddress.MaxLength);
            // Names are also unique ignoring case: an index on lower("Name"), made by the Trust migration.
        });
        model.Entity<ConsoleSession>(e =>
        {
            e.ToTable("console_sessions");
            e.HasKey(s => s.Id);
            e.HasOne<ApiKey>().WithMany().HasForeignKey(s => s.KeyId);
        });
        model.Entity<RulesetPublication>(e =>
        {
            e.ToTable("ruleset_publications");
            e.HasKey(p => p.Id);
            e.HasOne<RulesetVersion>().WithMany().HasForeignKey(p => p.Version);
        });
        model.Entity<Complaint>(e =>
        {
            e.ToTable("complaints");
            e.HasKey(c => c.Id);
            e.Property(c => c.ContentHash).HasMaxLength(64);
            // A candidate's evidence and its months: by product and category, oldest first. The scan
            // reads every complaint, so nothing else is indexed: each index slows every import.
            e.HasIndex(c => new { c.Product, c.Category, c.ReceivedAt });
        });
        model.Entity<ComplaintTally>(e =>
        {
            e.ToTable("complaint_tallies");
            e.HasKey(t => t.Id);
        });
        model.Entity<MonthlySales>(e =>
        {
            e.ToTable("exposure");
            e.HasKey(s => new { s.Product, s.Region, s.Month });
        });
        model.Entity<PatternCandidate>(e =>
        {
            e.ToTable("pattern_candidates");
            e.HasKey(p => p.Id);
            e.Property(p => p.Status).HasMaxLength(20);
            e.Property(p => p.Method).HasMaxLength(20);
            // A rescan finds a segment by its key and updates it.
            e.HasIndex(p => p.Key).IsUnique();
            // Lists strongest first (PatternOrder), a page at a time: by status, every status, by product.
            e.HasIndex(p => new { p.Status, p.QValue, p.Ratio, p.Key }).IsDescending(false, false, true, false);
            e.HasIndex(p => new { p.QValue, p.Ratio, p.Key }).IsDescending(false, true, false);
            e.HasIndex(p => new { p.Product, p.Status, p.QValue, p.Ratio, p.Key }).IsDescending(false, false, false, true, false);
        });
        model.Entity<ItemEffectiveness>(e =>
        {
            e.ToTable("effectiveness");
            e.HasKey(x => x.Id);
            e.HasOne<WorkItem>().WithMany().HasForeignKey(x => x.WorkItemId);
            e.HasIndex(x => new { x.WorkItemId, x.FixedAt });
            e.HasIndex(x => new { x.Department, x.CheckedAt }).IncludeProperties(x => x.Verdict);
            e.Property(x => x.Verdict).HasMaxLength(20);
            e.Ignore(x => x.Segment);
            e.Ignore(x => x.Criterion);
        });
        model.Entity<IdempotencyRecord>(e =>
        {
            e.ToTable("idempotency_keys");
            e.HasKey(i => i.Key);
            e.Property(i => i.Key).HasMaxLength(Idempotency.MaxKeyLength);
        });
        foreach (var property in model.Model.GetEntityTypes().SelectMany(t => t.GetProperties()))
        {
            if (property.ClrType == typeof(List<string>)) property.SetValueComparer(ListComparer<string>.Instance);
            else if (property.ClrType == typeof(List<int>)) property.SetValueComparer(ListComparer<int>.Instance);
        }
    }
}
