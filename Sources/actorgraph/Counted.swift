/// `number` and `noun`, made plural unless there is one: "1 event", "3 events",
/// "2 entities" (with `plural`).
func counted(_ number: Int, _ noun: String, plural: String? = nil) -> String {
    "\(number) " + (number == 1 ? noun : plural ?? noun + "s")
}
