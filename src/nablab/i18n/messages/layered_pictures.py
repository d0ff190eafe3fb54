"""Messages of the pictures of networks with hidden layers (figures, animation, web card,
tour and notebook).

Each entry is ``key: (English, Korean)``; the Korean terms follow the notes (은닉층, 가중치,
편향, 결정 경계, 에포크, 정확도).
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- figures ----------------------------------------------------------------------------
    "plot.layered_network_title": (
        "The network and its weights\n(thickness |w|; red w > 0, blue w < 0)",
        "신경망과 가중치\n(굵기 |w|; 빨강 w > 0, 파랑 w < 0)"),
    "plot.layered_bias": ("b = {value}", "b = {value}"),
    "plot.layered_boundary_title": (
        "Data and the decision boundary ŷ = ½\nafter epoch {epoch} (accuracy {percent}%)",
        "데이터와 결정 경계 ŷ = ½\n에포크 {epoch} 후 (정확도 {percent}%)"),
    "plot.layered_fit_title": ("Data and the network's ŷ(x) after epoch {epoch}",
                               "데이터와 신경망의 ŷ(x), 에포크 {epoch} 후"),
    "plot.layered_hidden_title": (
        "The data in hidden layer {layer}'s outputs:\nthe output unit's boundary is a line",
        "은닉층 {layer}의 출력을 좌표로 본 데이터:\n출력 유닛의 경계는 직선"),
    "plot.layered_hidden_first_two": (
        "The data in the first two of hidden layer {layer}'s\n{count} outputs",
        "은닉층 {layer}의 출력 {count}개 중\n처음 두 개를 좌표로 본 데이터"),
    "plot.layered_epochs_title": ("Loss and accuracy per epoch", "에포크별 손실과 정확도"),
    "plot.layered_accuracy": ("accuracy (%)", "정확도 (%)"),
    "plot.layered_animation_boundary": ("ŷ over the plane and the boundary ŷ = ½",
                                        "평면 위의 ŷ과 결정 경계 ŷ = ½"),
    "plot.layered_animation_fit": ("The data and ŷ(x)", "데이터와 ŷ(x)"),
    "plot.layered_frame": ("epoch {epoch}\nL = {loss}, accuracy {percent}%",
                           "에포크 {epoch}\nL = {loss}, 정확도 {percent}%"),
    "plot.layered_frame_regression": ("epoch {epoch}\nL = {loss}", "에포크 {epoch}\nL = {loss}"),
    # -- the tour's network chapter ---------------------------------------------------------------
    "tour.network.hidden": (
        "With a hidden layer of two tanh units (--layers 2,2,1, seed 1, gd η = 0.1) XOR is "
        "learned: after {epochs} epochs L = {loss}, {correct} of {rows} points right.",
        "tanh 유닛 두 개인 은닉층(--layers 2,2,1, 시드 1, gd η = 0.1)이 있으면 XOR를 학습합니다: "
        "{epochs} 에포크 후 L = {loss}, 점 {rows}개 중 {correct}개를 맞힙니다."),
    "tour.network.hidden_point": ("x = {x}   a⁽¹⁾ = {hidden}   ŷ = {output}   y = {y}",
                                  "x = {x}   a⁽¹⁾ = {hidden}   ŷ = {output}   y = {y}"),
    "tour.network.hidden_line": (
        "The hidden units' outputs a⁽¹⁾ = tanh(W⁽¹⁾x + b⁽¹⁾) are new coordinates of the four "
        "points, and in them one straight line, the output unit's {line}, separates the "
        "classes. Try it: nablab train --data example:xor --layers 2,2,1 --seed 1 --plot xor.png",
        "은닉 유닛의 출력 a⁽¹⁾ = tanh(W⁽¹⁾x + b⁽¹⁾)이 네 점의 새 좌표가 되고, 그 좌표에서는 "
        "출력 유닛의 직선 {line} 하나가 두 클래스를 나눕니다. 직접 해 보기: nablab train "
        "--data example:xor --layers 2,2,1 --seed 1 --plot xor.png"),
    # -- the web card -------------------------------------------------------------------------
    "web.section.network": ("Hidden layers: watch a network learn",
                            "은닉층: 신경망이 학습하는 모습 보기"),
    "web.network.hint": (
        "A single layer cannot learn XOR; a hidden layer of two units can. Train a small network "
        "on a built-in data set, then move the slider (or press play) to see the boundary, the "
        "hidden units' coordinates and the weights epoch by epoch.",
        "단일 층은 XOR를 학습하지 못하지만, 유닛 두 개인 은닉층이 있으면 학습합니다. 내장 데이터로 "
        "작은 신경망을 학습시킨 뒤 슬라이더를 움직이거나 재생을 눌러 에포크마다 결정 경계, 은닉 "
        "유닛의 좌표, 가중치가 바뀌는 모습을 보세요."),
    "web.network.data": ("Data", "데이터"),
    "web.network.data_xor": ("XOR (4 points)", "XOR (점 4개)"),
    "web.network.data_circles": ("circles (200 points)", "원 (점 200개)"),
    "web.network.data_sine": ("sine (41 points, regression)", "사인 (점 41개, 회귀)"),
    "web.network.layers": ("Layers (widths)", "층 (너비)"),
    "web.network.activation": ("Activation", "활성화 함수"),
    "web.network.epochs": ("Epochs", "에포크"),
    "web.network.seed": ("Seed", "시드"),
    "web.network.run": ("Train", "학습"),
    "web.network.play": ("▶ Play", "▶ 재생"),
    "web.network.pause": ("❚❚ Pause", "❚❚ 일시정지"),
    "web.network.epoch": ("epoch", "에포크"),
    "web.network.frame": ("epoch {epoch} of {epochs}: L = {loss}, accuracy {percent}%",
                          "에포크 {epoch}/{epochs}: L = {loss}, 정확도 {percent}%"),
    "web.network.frame_regression": ("epoch {epoch} of {epochs}: L = {loss}",
                                     "에포크 {epoch}/{epochs}: L = {loss}"),
    "web.network.summary": (
        "After {epochs} epochs: L = {loss}; {correct} of {rows} classified right ({percent}%)",
        "{epochs} 에포크 후: L = {loss}; {rows}개 중 {correct}개를 맞게 분류 ({percent}%)"),
    "web.network.summary_regression": ("After {epochs} epochs: L = {loss}",
                                       "{epochs} 에포크 후: L = {loss}"),
    "web.network.class": ("y = {label}", "y = {label}"),
    "web.network.boundary": ("Data and the boundary ŷ = ½", "데이터와 결정 경계 ŷ = ½"),
    "web.network.boundary_line": ("ŷ = ½", "ŷ = ½"),
    "web.network.curve": ("Data and the network's ŷ(x)", "데이터와 신경망의 ŷ(x)"),
    "web.network.hidden": ("The data in hidden layer {layer}'s outputs",
                           "은닉층 {layer}의 출력을 좌표로 본 데이터"),
    "web.network.hidden_first_two": ("The first two of hidden layer {layer}'s {count} outputs",
                                     "은닉층 {layer}의 출력 {count}개 중 처음 두 개"),
    "web.network.output_line": ("output unit: ŷ = ½", "출력 유닛: ŷ = ½"),
    "web.network.loss": ("Loss and accuracy per epoch", "에포크별 손실과 정확도"),
    "web.network.loss_only": ("Loss per epoch", "에포크별 손실"),
    "web.network.accuracy": ("accuracy (%)", "정확도 (%)"),
    "web.network.graph": (
        "The network and its weights at this epoch: thickness |w|, red w > 0, blue w < 0, each "
        "unit's bias b under it",
        "이 에포크의 신경망과 가중치: 굵기 |w|, 빨강 w > 0, 파랑 w < 0, 각 유닛 아래는 편향 b"),
    "web.network.formulas": ("The formulas in matrix form", "행렬 형태의 공식"),
    "web.network.forward": ("Forward pass", "순전파"),
    "web.network.backward": ("Backward pass (backpropagation)", "역전파"),
    "web.network.shape": ("shape", "모양"),
    "web.network.factors": ("from the shapes", "각 항의 모양"),
}
