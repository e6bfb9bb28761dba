/// Levenshtein distance between two folded names, giving up (returning bound + 1) once it must
/// exceed `bound`. (Geo has one for "did you mean"; this one stays here so Geo's API is unchanged.)
func editDistance(_ a: [Character], _ b: [Character], bound: Int) -> Int {
    if abs(a.count - b.count) > bound { return bound + 1 }
    if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
    var prev = Array(0...b.count)
    var cur = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        cur[0] = i
        var rowMin = i
        for j in 1...b.count {
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            rowMin = min(rowMin, cur[j])
        }
        if rowMin > bound { return bound + 1 }
        swap(&prev, &cur)
    }
    return prev[b.count]
}
