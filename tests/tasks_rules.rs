//! Genre rules of task extraction, each on real corpus sentences (issue 13).

use vanban::Extraction;

fn extract_text(text: &str) -> Extraction {
    vanban::extract(&vanban::parse(text))
}

const HEAD: &str = "TỈNH UỶ LÀO CAI                      ĐẢNG CỘNG SẢN VIỆT NAM
     Số 104 -CTr/TU                  Lào Cai, ngày 30 tháng 8 năm 2026

                    CHƯƠNG TRÌNH HÀNH ĐỘNG
    thực hiện Kết luận số 75-KL/TW về bảo vệ môi trường

";

/// The parties of the assignment at a node whose id ends with `tail`.
fn at(x: &Extraction, tail: &str) -> Option<(Vec<String>, Vec<String>)> {
    x.assignments
        .iter()
        .find(|a| a.node.ends_with(tail))
        .map(|a| (a.lead.clone(), a.responsible.clone()))
}

#[test]
fn a_closing_responsibility_paragraph_gives_the_bullets_before_it() {
    // CTr_104-CTr-TU_2026_LaoCai, III/3/3.2 and 3.9.
    let text = format!(
        "{HEAD}      III. NHIỆM VỤ, GIẢI PHÁP
      3. Nhiệm vụ thường xuyên
      3.2. Nâng cao hiệu lực, hiệu quả quản lý nhà nước
      - Thường xuyên rà soát để nghiên cứu ban hành đồng bộ các quy định,
cơ chế, chính sách về quản lý chất thải.
      - Đẩy mạnh phân cấp, phân quyền, xác định rõ thẩm quyền, trách nhiệm
của cấp xã trong quản lý nhà nước về bảo vệ môi trường.
      Trách nhiệm chỉ đạo thực hiện: Đảng ủy Ủy ban nhân dân tỉnh.
      3.9. Tăng cường hợp tác quốc tế và liên kết vùng
     - Đẩy mạnh hợp tác đối ngoại môi trường với tỉnh Vân Nam (Trung
Quốc) trong việc quản lý, chia sẻ thông tin nguồn nước.
      Trách nhiệm chỉ đạo thực hiện: Đảng uỷ Mặt trận Tổ quốc, các đoàn thể
tỉnh; Đảng ủy Ủy ban nhân dân tỉnh; các cấp ủy, tổ chức đảng.
"
    );
    let x = extract_text(&text);
    for tail in ["item_3.2__indent_1", "item_3.2__indent_2"] {
        let (lead, _) = at(&x, tail).unwrap_or_else(|| panic!("{tail}: {:#?}", x.assignments));
        assert_eq!(lead.len(), 1, "{tail}: {lead:?}");
        assert!(lead[0].contains("Đảng ủy Ủy ban nhân dân tỉnh"), "{lead:?}");
    }
    let (_, resp) = at(&x, "item_3.9__indent_1").expect("3.9 bullet");
    assert_eq!(resp.len(), 3, "{resp:?}");
    assert!(
        resp[0].contains("Mặt trận Tổ quốc, các đoàn thể tỉnh"),
        "{resp:?}"
    );
    // The heading deadline "Nhiệm vụ thường xuyên" reaches the bullets.
    let a = x
        .assignments
        .iter()
        .find(|a| a.node.ends_with("item_3.2__indent_1"))
        .expect("bullet");
    assert!(a.deadline.is_some(), "{a:?}");
}

#[test]
fn a_bullet_that_names_nobody_takes_the_task_of_its_unit() {
    // seeds/208-KH-UBND_2024_TuyenQuang, II/3/b.
    let text = format!(
        "{HEAD}      II. NHIỆM VỤ
      3. Huy động nguồn lực
      b) Sở Kế hoạch và Đầu tư chủ trì, phối hợp với Sở Tài chính và các cơ quan, đơn vị liên quan:
      - Tham mưu Ủy ban nhân dân tỉnh phân bổ hợp lý nguồn vốn ngân sách đầu tư công.
      - Tiếp tục huy động hợp lý nguồn vốn ODA, các khoản vay ưu đãi.
"
    );
    let x = extract_text(&text);
    let (lead, _) = at(&x, "point_b__indent_2").unwrap_or_else(|| panic!("{:#?}", x.assignments));
    assert_eq!(lead, ["Sở Kế hoạch và Đầu tư"]);
    // Without a unit above that names an agency, a bullet is no task.
    let text = format!(
        "{HEAD}      I. MỤC ĐÍCH
      - Tiếp tục huy động hợp lý nguồn vốn ODA, các khoản vay ưu đãi.
"
    );
    assert!(extract_text(&text).assignments.is_empty());
}
