# Writes samples/tickets.csv and samples/units-sold.csv: made-up tickets and units sold
# (3 products, 6 regions, Nov 2024 to Oct 2026) with four planted patterns, for the README.
#   cd samples && python3 make-samples.py
import csv, random, datetime
random.seed(17)
products = ["HX-200 heater", "KT-10 kettle", "FanAir fan"]
regions = ["Michigan", "Ohio", "Texas", "Florida", "California", "New York"]
months = []
y, m = 2024, 11
for _ in range(24):
    months.append((y, m)); m += 1
    if m == 13: y, m = y + 1, 1
base_units = {"HX-200 heater": 700, "KT-10 kettle": 900, "FanAir fan": 800}
units = {}
rows = []
for p in products:
    for r in regions:
        for (y, m) in months:
            seasonal = 1.0
            if p == "HX-200 heater": seasonal = 1.6 if m in (11, 12, 1, 2, 3) else 0.6
            if p == "FanAir fan": seasonal = 1.5 if m in (5, 6, 7, 8) else 0.7
            n = int(base_units[p] * seasonal * random.uniform(0.8, 1.2))
            units[(p, r, y, m)] = n
            rows.append({"product": p, "region": r, "month": f"{y:04d}-{m:02d}", "unitsSold": n})
with open("units-sold.csv", "w", newline="") as f:
    w = csv.DictWriter(f, ["product", "region", "month", "unitsSold"]); w.writeheader(); w.writerows(rows)

def poisson(lam):
    # Knuth, fine for small lambdas
    import math
    L, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= random.random()
        if p <= L: return k
        k += 1

ages = ["18-34", "35-54", "55-74", "75+"]
channels = ["phone", "email", "chat", "store"]
vendors = ["Acme Parts", "Borealis Components", "Castle Electric", "Delta Motors", "Everbright"]
depots = ["Depot 1", "Depot 3", "Depot 5", "Depot 7", "Depot 9"]
summaries = {
  "quality": ["Stopped working", "Will not switch on", "Makes a burning smell", "Cuts out after a few minutes", "Broke within a week"],
  "design": ["Cannot read the dial", "Buttons too small to feel", "Lid hard to open", "Display too dim"],
  "supply": ["Delivered late", "Arrived damaged", "Parcel never arrived", "Wrong item delivered"],
}
tickets = []
tid = 0
for (p, r, y, m), n in units.items():
    for category, rate in (("quality", 0.004), ("design", 0.0015), ("supply", 0.002)):
        lam = n * rate
        if p == "HX-200 heater" and category == "quality" and r == "Michigan" and m in (11, 12, 1, 2, 3):
            lam = n * 0.03            # planted: the heater fails in Michigan's winter
        count = poisson(lam)
        for _ in range(count):
            tid += 1
            day = random.randint(1, 28)
            at = datetime.datetime(y, m, day, random.randint(8, 20), random.randint(0, 59), tzinfo=datetime.timezone.utc)
            access = random.choices(["none", "visual", "hearing", "mobility"], [90, 4, 3, 3])[0]
            age = random.choices(ages, [25, 35, 28, 12])[0]
            if p == "KT-10 kettle" and category == "design" and random.random() < 0.45:
                access = "visual"     # planted: the kettle's design fails visually impaired users
                age = random.choices(ages, [10, 20, 35, 35])[0]
            depot = random.choice(depots)  # the depot that shipped the order
            if p == "FanAir fan" and category == "supply" and random.random() < 0.4:
                depot = "Depot 7"     # planted: one depot delivers the fan late
            vendor = random.choice(vendors)  # the vendor of the unit's parts
            if p == "KT-10 kettle" and category == "quality" and random.random() < 0.4:
                vendor = "Castle Electric"   # planted: one vendor's parts fail in the kettle
            tickets.append({"id": f"T-{tid:06d}", "receivedAt": at.strftime("%Y-%m-%dT%H:%M:%SZ"), "product": p,
                            "category": category, "region": r, "ageGroup": age, "accessibility": access,
                            "channel": random.choice(channels), "vendor": vendor, "depot": depot,
                            "summary": random.choice(summaries[category])})
# the kettle's extra design complaints from visually impaired users
tickets.sort(key=lambda t: t["receivedAt"])
for i, t in enumerate(tickets): t["id"] = f"T-{i + 1:06d}"
with open("tickets.csv", "w", newline="") as f:
    w = csv.DictWriter(f, ["id", "receivedAt", "product", "category", "region", "ageGroup", "accessibility", "channel", "vendor", "depot", "summary"])
    w.writeheader(); w.writerows(tickets)
print(len(tickets), "tickets,", len(rows), "units-sold rows")
