//! Small counts written as a word or in digits ("three delegations", "the
//! 2 sides"), shared by the stages that read a group's size.

/// The count a numeral word or a digit string gives ("two" to "six").
pub fn small_count(w: &str) -> Option<usize> {
    if let Ok(n) = w.parse::<usize>() {
        return Some(n);
    }
    match w {
        "two" => Some(2),
        "three" => Some(3),
        "four" => Some(4),
        "five" => Some(5),
        "six" => Some(6),
        _ => None,
    }
}
